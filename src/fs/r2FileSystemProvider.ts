import { posix } from 'node:path';
import { contentType } from 'mime-types';
import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import {
  DEADLINE_MS,
  deleteObject,
  deletePrefix,
  folderPrefix,
  getObjectBytes,
  headObject,
  isFolderKey,
  isR2Error,
  listBuckets,
  listPage,
  moveObject,
  movePrefix,
  parentPrefix,
  putObject,
  R2Error,
} from '../r2';
import type { ObjectChanges } from '../operations';
import type { ObjectProperties, R2Client, R2Object, R2ObjectHead, WriteConditions } from '../r2';
import { messages } from '../ui/messages';
import { toFileSystemError } from './fileSystemErrors';
import { FreshnessCache } from './freshnessCache';
import { fromR2Uri, toR2Uri } from './r2Uri';
import type { R2Location } from './r2Uri';
import { VersionLedger } from './versionLedger';

/** Largest object read into an editor; the open commands ask well before (r2.openSizeLimitMB). */
export const MAX_READ_BYTES = 1024 ** 3;
/**
 * How long an answer the provider already has stands in for a request: an entry from a listing
 * (VS Code stats every child it has just listed), the object a write just made (VS Code stats
 * right after each write), and a first read (VS Code starts an open's stat and read together).
 */
const FRESH_MS = 5_000;
/**
 * The first stat of a key reads up to this much of it instead of a HEAD (both are one class B
 * operation), so that the read of a small object needs no second request.
 */
const PREFETCH_BYTES = 256 * 1024;

const DIRECTORY: vscode.FileStat = { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };

/** Most keys whose last stat is remembered; the least recently seen are forgotten first. */
const MAX_SEEN = 10_000;

/**
 * The last thing stat learned about a key: what a write right after it must find on the server.
 * `written` marks a version this provider has just written (while fresh, the stat after the write).
 * `deleted`: an object stat saw before is gone, so a save would create it again without asking.
 */
type Seen =
  { kind: 'absent' } | { kind: 'deleted' } | { kind: 'object'; etag: string; head?: R2ObjectHead; written?: true };

/**
 * The first read of a key: its headers and first bytes, the whole object when small. VS Code starts
 * the stat and the read of an open together, and both are answered from this one GET.
 */
type FirstRead = Promise<{ head: R2ObjectHead; bytes: Buffer }>;

/** An entry of a folder listing: an object, or a folder when there is none. */
interface Listed {
  readonly object?: R2Object;
}

/**
 * How far readDirectory lists: VS Code lists a folder again on every refresh and on every expand,
 * so a large folder costs this many ListObjectsV2 requests (class A) each time, silently.
 */
export interface DirectoryListing {
  /** Pages of 1,000 entries listed at most (r2.explorer.maxPages). */
  maxPages(): number;
  /** A folder had more entries than were listed. */
  onTruncated(uri: vscode.Uri, shown: number): void;
}

interface Target {
  readonly uri: vscode.Uri;
  readonly location: R2Location;
  readonly client: R2Client;
}

/** For bodies; metadata calls take the client's deadline instead: the idle timeout, once. */
function transferDeadline(): AbortSignal {
  return AbortSignal.timeout(DEADLINE_MS.fileSystemTransfer);
}

function keptProperties(head: R2ObjectHead): ObjectProperties {
  const { contentType: type, cacheControl, contentDisposition, contentEncoding, metadata, storageClass } = head;
  return { contentType: type, cacheControl, contentDisposition, contentEncoding, metadata, storageClass };
}

/**
 * R2 objects as files: `r2://<account entry id>/<bucket>/<key>`. Folders are key prefixes, listed
 * one level at a time. A save never replaces a version its editor has not seen: stat reports each
 * new version as newer (VersionLedger), so VS Code's own "file is newer" check stops the save; and
 * the write is `If-Match` the version that stat saw (VS Code stats right before every write), or
 * `If-None-Match: *` where stat found nothing, so a change in between fails the write too.
 */
export class R2FileSystemProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly ledger = new VersionLedger();
  private readonly seen = new FreshnessCache<Seen>({ freshMs: FRESH_MS, capacity: MAX_SEEN });
  private readonly listed = new FreshnessCache<Listed>({ freshMs: FRESH_MS });
  private readonly firstReads = new FreshnessCache<FirstRead>({ freshMs: FRESH_MS });
  /**
   * Folders of keys stat has just found missing: VS Code's save stats the file, then its folder,
   * and creates the folder when stat says there is none. The key's write makes the folder, so
   * stat says it is there, and saving writes no `folder/` marker.
   */
  private readonly awaitedFolders = new FreshnessCache<true>({ freshMs: FRESH_MS });

  constructor(
    private readonly accounts: AccountStore,
    private readonly clients: ClientPool,
    private readonly log: vscode.LogOutputChannel,
    changes: ObjectChanges,
    private readonly listing: DirectoryListing,
  ) {
    // Saves, deletes and renames from editors and VS Code's Explorer change rows of the R2 view too.
    this.changed.event((events) =>
      changes.fire(
        events.map(({ uri }) => {
          const { accountId, bucket, key } = fromR2Uri(uri);
          return { accountId, bucket, prefix: parentPrefix(key) };
        }),
      ),
    );
  }

  watch(): vscode.Disposable {
    // R2 has no change notifications; conflicts are caught when saving instead.
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    return this.run(uri, 'stat', async (target) => {
      const { bucket, key } = target.location;
      if (bucket === '' || isFolderKey(key)) {
        return DIRECTORY;
      }
      const id = uri.toString();
      const listed = this.listed.fresh(id);
      if (listed) {
        return listed.object ? this.fileStat(uri, listed.object) : DIRECTORY;
      }
      const written = this.seen.fresh(id);
      if (written?.kind === 'object' && written.head && written.written) {
        return this.fileStat(uri, written.head, written.head);
      }
      const seen = this.seen.get(id);
      try {
        const head =
          seen === undefined
            ? (await this.firstRead(target)).head
            : await headObject(target.client, { bucket, key }, target.client.deadline());
        return this.fileStat(uri, head, head);
      } catch (error) {
        if (!isR2Error(error, 'NoSuchKey')) {
          throw error;
        }
      }
      // `photos` is a folder when any key starts with `photos/` (a marker `photos/` included).
      const page = await listPage(
        target.client,
        { bucket, prefix: folderPrefix(key), delimiter: '', pageSize: 1 },
        target.client.deadline(),
      );
      if (page.objects.length > 0 || this.awaitedFolders.fresh(id)) {
        return DIRECTORY;
      }
      this.seen.set(id, seen === undefined || seen.kind === 'absent' ? { kind: 'absent' } : { kind: 'deleted' });
      if (posix.dirname(key) !== '.') {
        this.awaitedFolders.set(toR2Uri({ ...target.location, key: posix.dirname(key) }).toString(), true);
        this.awaitedFolders.dropStale();
      }
      throw vscode.FileSystemError.FileNotFound(uri);
    });
  }

  async readDirectory(uri: vscode.Uri): Promise<Array<[string, vscode.FileType]>> {
    return this.run(uri, 'readDirectory', async (target) => {
      const { accountId, bucket, key } = target.location;
      if (bucket === '') {
        return this.readBuckets(target);
      }
      const prefix = folderPrefix(key);
      const entries: Array<[string, vscode.FileType]> = [];
      const maxPages = this.listing.maxPages();
      let pages = 0;
      let token: string | undefined;
      do {
        pages += 1;
        const page = await listPage(target.client, { bucket, prefix, token }, target.client.deadline());
        for (const folder of page.prefixes) {
          const name = folder.slice(prefix.length, -1);
          // An empty segment (from `a//b`) has no name a file system path can hold.
          if (name !== '') {
            entries.push([name, vscode.FileType.Directory]);
            this.listed.set(toR2Uri({ accountId, bucket, key: folder.slice(0, -1) }).toString(), {});
          }
        }
        for (const object of page.objects) {
          const name = object.key.slice(prefix.length);
          if (name !== '') {
            entries.push([name, vscode.FileType.File]);
            this.listed.set(toR2Uri({ accountId, bucket, key: object.key }).toString(), { object });
          }
        }
        token = page.nextToken;
      } while (token !== undefined && pages < maxPages);
      if (token !== undefined) {
        this.log.warn(messages.fsTruncatedFolder(uri.toString(), entries.length));
        this.listing.onTruncated(uri, entries.length);
      }
      this.listed.dropStale();
      return entries;
    });
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return this.run(uri, 'readFile', async (target) => {
      const { bucket, key } = target.location;
      if (isFolderKey(key)) {
        throw vscode.FileSystemError.FileIsADirectory(uri);
      }
      const id = uri.toString();
      if (!this.seen.has(id) || this.firstReads.has(id)) {
        const first = await this.firstRead(target);
        // Used once: a later read (a revert) asks the server again.
        this.firstReads.delete(id);
        if (first.bytes.length === first.head.size) {
          // The version the stat reported: the editor's content and its etag agree.
          return first.bytes;
        }
      }
      const { head, bytes } = await getObjectBytes(
        target.client,
        { bucket, key, maxBytes: MAX_READ_BYTES },
        transferDeadline(),
      );
      this.ledger.observe(uri.toString(), {
        etag: head.etag,
        size: head.size,
        lastModified: head.lastModified.getTime(),
      });
      return bytes;
    });
  }

  async writeFile(
    uri: vscode.Uri,
    content: Uint8Array,
    options: { readonly create: boolean; readonly overwrite: boolean },
  ): Promise<void> {
    return this.run(uri, 'writeFile', async (target) => {
      const { bucket, key } = target.location;
      if (isFolderKey(key)) {
        throw vscode.FileSystemError.FileIsADirectory(uri);
      }
      const seen = this.seen.get(uri.toString()) ?? (await this.lookUp(target));
      let conditions: WriteConditions;
      let properties: ObjectProperties;
      if (seen.kind === 'deleted') {
        // VS Code's save error offers Retry, Save As… and Revert: Retry creates the object again.
        this.seen.set(uri.toString(), { kind: 'absent' });
        throw new vscode.FileSystemError(messages.fsDeletedSinceOpened(key));
      }
      if (seen.kind === 'absent') {
        if (!options.create) {
          throw vscode.FileSystemError.FileNotFound(uri);
        }
        conditions = { ifNoneMatch: '*' };
        properties = { contentType: contentType(posix.extname(key)) || undefined };
      } else {
        if (!options.overwrite) {
          throw vscode.FileSystemError.FileExists(uri);
        }
        conditions = { ifMatch: seen.etag };
        // A listing does not carry the headers to keep; a HEAD does, and it must be the same version.
        const head = seen.head ?? (await headObject(target.client, { bucket, key }, target.client.deadline()));
        if (head.etag !== seen.etag) {
          throw this.changedOnServer(uri);
        }
        properties = keptProperties(head);
      }
      try {
        const { etag } = await putObject(
          target.client,
          { bucket, key, body: content, ...properties, ...conditions },
          transferDeadline(),
        );
        // VS Code stats right after a write; until then the next write keeps the same headers.
        this.seen.set(uri.toString(), {
          kind: 'object',
          etag,
          head: {
            key,
            etag,
            size: content.byteLength,
            lastModified: new Date(),
            ...properties,
            metadata: properties.metadata ?? {},
          },
          written: true,
        });
      } catch (error) {
        if (isR2Error(error, 'PreconditionFailed') || isR2Error(error, 'AlreadyExists')) {
          this.seen.delete(uri.toString());
          throw seen.kind === 'absent' ? vscode.FileSystemError.FileExists(uri) : this.changedOnServer(uri);
        }
        throw error;
      }
      this.listed.delete(uri.toString());
      this.firstReads.delete(uri.toString());
      this.changed.fire([
        { type: seen.kind === 'absent' ? vscode.FileChangeType.Created : vscode.FileChangeType.Changed, uri },
      ]);
    });
  }

  async createDirectory(uri: vscode.Uri): Promise<void> {
    return this.run(uri, 'createDirectory', async (target) => {
      const { bucket, key } = target.location;
      if (bucket === '' || key === '') {
        throw vscode.FileSystemError.NoPermissions(messages.fsBucketsInView);
      }
      try {
        await putObject(
          target.client,
          { bucket, key: folderPrefix(key), body: '', ifNoneMatch: '*' },
          target.client.deadline(),
        );
      } catch (error) {
        throw isR2Error(error, 'AlreadyExists') ? vscode.FileSystemError.FileExists(uri) : error;
      }
      this.changed.fire([{ type: vscode.FileChangeType.Created, uri }]);
    });
  }

  async delete(uri: vscode.Uri, options: { readonly recursive: boolean }): Promise<void> {
    return this.run(uri, 'delete', async (target) => {
      const { bucket, key } = target.location;
      if (bucket === '' || key === '') {
        throw vscode.FileSystemError.NoPermissions(messages.fsBucketsInView);
      }
      const stat = await this.stat(uri);
      if (stat.type === vscode.FileType.Directory) {
        const prefix = folderPrefix(key);
        if (!options.recursive) {
          const page = await listPage(
            target.client,
            { bucket, prefix, delimiter: '', pageSize: 2 },
            target.client.deadline(),
          );
          if (page.objects.some((object) => object.key !== prefix)) {
            throw vscode.FileSystemError.NoPermissions(messages.fsNotEmpty(prefix));
          }
        }
        const result = await deletePrefix(target.client, { bucket, prefix }, transferDeadline());
        if (result.failed > 0) {
          throw new vscode.FileSystemError(messages.fsDeleteFailed(result.failed, prefix));
        }
      } else {
        await deleteObject(target.client, { bucket, key }, target.client.deadline());
      }
      this.forget(uri);
      this.changed.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
    });
  }

  async rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { readonly overwrite: boolean }): Promise<void> {
    return this.run(oldUri, 'rename', async (source) => {
      const destination = fromR2Uri(newUri);
      if (
        destination.accountId !== source.location.accountId ||
        destination.bucket === '' ||
        source.location.key === '' ||
        destination.key === ''
      ) {
        throw vscode.FileSystemError.NoPermissions(messages.fsRenameScope);
      }
      const existing = await this.stat(newUri).then(
        () => true,
        (error: unknown) => {
          if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') {
            return false;
          }
          throw error;
        },
      );
      if (existing && !options.overwrite) {
        throw vscode.FileSystemError.FileExists(newUri);
      }
      const stat = await this.stat(oldUri);
      const signal = transferDeadline();
      if (stat.type === vscode.FileType.Directory) {
        const from = { bucket: source.location.bucket, prefix: folderPrefix(source.location.key) };
        try {
          await movePrefix(
            source.client,
            { source: from, destination: { bucket: destination.bucket, prefix: destination.key } },
            signal,
          );
        } catch (error) {
          // The one refusal movePrefix makes before any request.
          const intoItself = isR2Error(error, 'InvalidArgument') && error.operation === 'MovePrefix';
          throw intoItself ? vscode.FileSystemError.NoPermissions(messages.fsMoveIntoItself(from.prefix)) : error;
        }
      } else {
        await moveObject(source.client, { source: source.location, destination }, signal);
      }
      this.forget(oldUri);
      this.forget(newUri);
      this.changed.fire([
        { type: vscode.FileChangeType.Deleted, uri: oldUri },
        { type: vscode.FileChangeType.Created, uri: newUri },
      ]);
    });
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async readBuckets(target: Target): Promise<Array<[string, vscode.FileType]>> {
    const account = this.accounts.get(target.location.accountId);
    let names = [...(account?.pinnedBuckets ?? [])];
    try {
      names = [
        ...new Set([
          ...(await listBuckets(target.client, target.client.deadline())).map((bucket) => bucket.name),
          ...names,
        ]),
      ];
    } catch (error) {
      // A bucket-scoped token cannot list buckets: its pinned buckets are all there is.
      if (!isR2Error(error, 'AccessDenied') || names.length === 0) {
        throw error;
      }
    }
    return names.map((name) => [name, vscode.FileType.Directory]);
  }

  /** The first read of a key, shared by the calls that arrive while it is fresh. */
  private firstRead(target: Target): Promise<{ head: R2ObjectHead; bytes: Buffer }> {
    const id = target.uri.toString();
    const pending = this.firstReads.fresh(id);
    if (pending) {
      return pending;
    }
    const { bucket, key } = target.location;
    const result = getObjectBytes(
      target.client,
      { bucket, key, range: { start: 0, end: PREFETCH_BYTES - 1 }, maxBytes: PREFETCH_BYTES },
      target.client.deadline(),
    );
    this.firstReads.set(id, result);
    // A failure is for the calls waiting now; the next one asks again.
    result.catch(() => this.firstReads.delete(id));
    this.firstReads.dropStale();
    return result;
  }

  /** What is on the server now, for a write that no stat came before. */
  private async lookUp(target: Target): Promise<Seen> {
    try {
      const head = await headObject(target.client, target.location, target.client.deadline());
      return { kind: 'object', etag: head.etag, head };
    } catch (error) {
      if (isR2Error(error, 'NoSuchKey')) {
        return { kind: 'absent' };
      }
      throw error;
    }
  }

  private fileStat(uri: vscode.Uri, object: R2Object, head?: R2ObjectHead): vscode.FileStat {
    this.seen.set(uri.toString(), { kind: 'object', etag: object.etag, head });
    const { mtime, size } = this.ledger.observe(uri.toString(), {
      etag: object.etag,
      size: object.size,
      lastModified: object.lastModified.getTime(),
    });
    return { type: vscode.FileType.File, ctime: mtime, mtime, size };
  }

  private forget(uri: vscode.Uri): void {
    this.seen.delete(uri.toString());
    this.firstReads.delete(uri.toString());
    this.listed.clear();
  }

  private changedOnServer(uri: vscode.Uri): vscode.FileSystemError {
    return new vscode.FileSystemError(messages.fsChangedOnServer(fromR2Uri(uri).key));
  }

  private async target(uri: vscode.Uri): Promise<Target> {
    const location = fromR2Uri(uri);
    const account: Account | undefined = this.accounts.get(location.accountId);
    if (!account) {
      throw vscode.FileSystemError.Unavailable(messages.fsNoAccount(location.accountId));
    }
    return { uri, location, client: await this.clients.get(account) };
  }

  /** Resolves the target and turns every failure into a FileSystemError, logging unexpected ones. */
  private async run<T>(uri: vscode.Uri, operation: string, work: (target: Target) => Promise<T>): Promise<T> {
    try {
      return await work(await this.target(uri));
    } catch (error) {
      if (!(error instanceof vscode.FileSystemError) && !isR2Error(error, 'NoSuchKey')) {
        this.log.warn(
          `${operation} ${uri.toString()}: ${error instanceof R2Error ? `${error.code}: ${error.message}` : String(error)}`,
        );
      }
      throw toFileSystemError(error, uri);
    }
  }
}

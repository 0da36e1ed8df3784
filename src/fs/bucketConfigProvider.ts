import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { AccountStore } from '../accounts/accountStore';
import type { ClientPool } from '../accounts/clientPool';
import {
  deleteBucketCors,
  deleteBucketLifecycle,
  getBucketCors,
  getBucketLifecycle,
  putBucketCors,
  putBucketLifecycle,
} from '../r2';
import type { CorsRule, LifecycleRule, R2Client } from '../r2';
import type { ConfigKind } from './bucketConfigDocument';
import { CONFIG_FILE_NAMES, formatDocument, parseConfig } from './bucketConfigDocument';
import { messages } from '../ui/messages';
import { configWriteRefusal, saveRefusal, toFileSystemError } from './fileSystemErrors';
import { VersionLedger } from './versionLedger';

/** Bucket settings as documents: `r2-config://<account entry id>/<bucket>/cors.json` (or `lifecycle.json`). */
export const CONFIG_SCHEME = 'r2-config';

export interface ConfigLocation {
  readonly accountId: string;
  readonly bucket: string;
  readonly kind: ConfigKind;
}

export function toConfigUri(location: ConfigLocation): vscode.Uri {
  return vscode.Uri.from({
    scheme: CONFIG_SCHEME,
    authority: location.accountId,
    path: `/${location.bucket}/${CONFIG_FILE_NAMES[location.kind]}`,
  });
}

export function fromConfigUri(uri: vscode.Uri): ConfigLocation | undefined {
  const match = /^\/([^/]+)\/([^/]+)$/.exec(uri.path);
  const kind = (Object.keys(CONFIG_FILE_NAMES) as ConfigKind[]).find(
    (candidate) => CONFIG_FILE_NAMES[candidate] === match?.[2],
  );
  return match && kind ? { accountId: uri.authority, bucket: match[1], kind } : undefined;
}

const encoder = new TextEncoder();

/**
 * Reads a bucket's rules as JSON and, on save, checks the document and applies it (an empty array
 * removes the configuration). An invalid document fails the save with the problem and changes
 * nothing. Rules have no ETag: a hash of them stands in, so VS Code's own "file is newer" check sees
 * changes made elsewhere, and a save reads them again first to catch one made in between.
 */
export class BucketConfigProvider implements vscode.FileSystemProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;
  private readonly ledger = new VersionLedger(1000);
  /** The document text of the rules on the server at the last stat or read, per URI. */
  private readonly seen = new Map<string, string>();
  /**
   * Text the Save command has just applied, per URI, with the stat the editor knew: VS Code's save
   * that follows finds the file as the editor left it and writes nothing more.
   */
  private readonly applied = new Map<string, { readonly text: string; readonly stat: vscode.FileStat }>();

  constructor(
    private readonly accounts: AccountStore,
    private readonly clients: ClientPool,
  ) {}

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const applied = this.applied.get(uri.toString());
    if (applied) {
      return applied.stat;
    }
    const text = await this.fetch(uri);
    // The rules' own hash stands for the missing ETag, so edits made elsewhere are a newer version.
    const etag = createHash('sha256').update(text).digest('hex');
    const { mtime, size } = this.ledger.observe(uri.toString(), {
      etag,
      size: encoder.encode(text).byteLength,
      lastModified: Date.now(),
    });
    return { type: vscode.FileType.File, ctime: mtime, mtime, size };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    return encoder.encode(await this.fetch(uri));
  }

  /**
   * Applies the document's text to the bucket, as saving it would, for the Save command: a refusal
   * is thrown as an Error whose message is the reason alone, and the save that follows (the same
   * text) then writes nothing, since it is done.
   */
  async apply(uri: vscode.Uri, text: string): Promise<void> {
    const stat = await this.stat(uri);
    await this.write(uri, text);
    this.applied.set(uri.toString(), { text, stat });
  }

  async writeFile(uri: vscode.Uri, content: Uint8Array): Promise<void> {
    const text = new TextDecoder().decode(content);
    const applied = this.applied.get(uri.toString());
    this.applied.delete(uri.toString());
    if (applied?.text === text) {
      return;
    }
    await this.write(uri, text);
  }

  private async write(uri: vscode.Uri, text: string): Promise<void> {
    const { location, client } = await this.target(uri);
    const parsed = parseConfig(location.kind, text);
    if (!parsed.ok) {
      throw saveRefusal(messages.configInvalid(parsed.problems[0].message, parsed.problems.length - 1));
    }
    const what = location.kind === 'cors' ? 'CORS rules' : 'lifecycle rules';
    const expected = this.seen.get(uri.toString());
    const current = expected === undefined ? undefined : await this.fetch(uri);
    if (current !== expected) {
      throw saveRefusal(messages.configChanged(what, location.bucket));
    }
    // No rules saved over no rules (the template, maybe with comments added): there is nothing to send.
    if (parsed.rules.length === 0 && current === formatDocument(location.kind, [])) {
      return;
    }
    const signal = client.deadline();
    const { bucket } = location;
    try {
      if (location.kind === 'cors') {
        const rules = parsed.rules as CorsRule[];
        await (rules.length === 0
          ? deleteBucketCors(client, bucket, signal)
          : putBucketCors(client, bucket, rules, signal));
      } else {
        const rules = parsed.rules as LifecycleRule[];
        await (rules.length === 0
          ? deleteBucketLifecycle(client, bucket, signal)
          : putBucketLifecycle(client, bucket, rules, signal));
      }
    } catch (error) {
      throw configWriteRefusal(error, what, bucket);
    }
    this.seen.delete(uri.toString());
    this.changed.fire([{ type: vscode.FileChangeType.Changed, uri }]);
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions(messages.configSingleDocument);
  }

  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions(messages.configSingleDocument);
  }

  delete(): never {
    throw vscode.FileSystemError.NoPermissions(messages.configDeleteHint);
  }

  rename(): never {
    throw vscode.FileSystemError.NoPermissions(messages.configSingleDocument);
  }

  dispose(): void {
    this.changed.dispose();
  }

  private async target(uri: vscode.Uri): Promise<{ location: ConfigLocation; client: R2Client }> {
    const location = fromConfigUri(uri);
    const account = location && this.accounts.get(location.accountId);
    if (!location || !account) {
      throw vscode.FileSystemError.FileNotFound(uri);
    }
    try {
      return { location, client: await this.clients.get(account) };
    } catch (error) {
      throw toFileSystemError(error, uri);
    }
  }

  /** The rules on the server now, as the document shows them. */
  private async fetch(uri: vscode.Uri): Promise<string> {
    const { location, client } = await this.target(uri);
    const signal = client.deadline();
    try {
      const rules =
        location.kind === 'cors'
          ? await getBucketCors(client, location.bucket, signal)
          : await getBucketLifecycle(client, location.bucket, signal);
      const text = formatDocument(location.kind, rules);
      this.seen.set(uri.toString(), text);
      return text;
    } catch (error) {
      throw toFileSystemError(error, uri);
    }
  }
}

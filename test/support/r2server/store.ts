// Buckets, object metadata and multipart uploads, kept in memory and persisted under a root folder:
//   buckets/<name>/bucket.json     bucket settings (names are validated, so they are safe file names)
//   buckets/<name>/objects.jsonl   journal of puts and deletes, replayed and compacted at start
//   uploads/<uploadId>.jsonl       an upload's header line, then one line per part
//   blobs/                         object bytes (see blobs.ts)
// Metadata changes are synchronous appends to journals kept open: each request's check-and-commit is
// atomic with respect to other requests, and a line cut short by a crash is ignored on replay.
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Segment } from './blobs';
import { BlobStore } from './blobs';
import { S3Error } from './errors';
import type { ListRequest, ListResult } from './keys';
import { listKeys, SortedKeys } from './keys';
import type { XmlElement } from './xml';

export type StorageClass = 'STANDARD' | 'STANDARD_IA';

export interface ObjectMetadata {
  contentType: string;
  cacheControl?: string;
  contentDisposition?: string;
  contentEncoding?: string;
  contentLanguage?: string;
  expires?: string;
  /** x-amz-meta-* values by lowercased name without the prefix. */
  user: Record<string, string>;
  storageClass: StorageClass;
}

export interface ObjectRecord {
  key: string;
  size: number;
  /** Unquoted: an MD5 hex digest, or `<md5 of part md5s>-<part count>` for multipart objects. */
  etag: string;
  lastModified: number;
  segments: Segment[];
  meta: ObjectMetadata;
}

export interface BucketRecord {
  name: string;
  created: number;
  location: string;
  cors?: XmlElement;
  lifecycle?: XmlElement;
}

export interface PartRecord {
  partNumber: number;
  size: number;
  etag: string;
  lastModified: number;
  blob: string;
}

export interface UploadRecord {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  meta: ObjectMetadata;
  parts: Map<number, PartRecord>;
}

interface Bucket {
  record: BucketRecord;
  objects: Map<string, ObjectRecord>;
  sorted: SortedKeys;
  /** Open descriptor of objects.jsonl, in append mode. */
  journal: number;
}

type ObjectEntry = { put: ObjectRecord } | { del: string };
type UploadEntry = { upload: Omit<UploadRecord, 'parts'> } | { part: PartRecord };

/**
 * Replays a journal. `clean` is false when a line did not parse (the tail of an append cut short by a
 * crash): the journal must then be rewritten before appending, or the next line would be glued to it.
 */
function readJournal<T>(path: string): { entries: T[]; clean: boolean } {
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const entries: T[] = [];
  let clean = text === '' || text.endsWith('\n');
  for (const line of text.split('\n')) {
    if (line === '') {
      continue;
    }
    try {
      entries.push(JSON.parse(line) as T);
    } catch {
      clean = false;
    }
  }
  return { entries, clean };
}

function writeFileAtomic(path: string, data: string): void {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

export class Store {
  readonly blobs: BlobStore;
  private readonly bucketsDir: string;
  private readonly uploadsDir: string;
  private readonly buckets = new Map<string, Bucket>();
  private readonly uploads = new Map<string, UploadRecord>();

  constructor(root: string) {
    this.bucketsDir = join(root, 'buckets');
    this.uploadsDir = join(root, 'uploads');
    mkdirSync(this.bucketsDir, { recursive: true });
    mkdirSync(this.uploadsDir, { recursive: true });
    this.blobs = new BlobStore(root);
    this.load();
  }

  // ---- buckets

  listBuckets(): BucketRecord[] {
    return [...this.buckets.values()].map((b) => b.record).sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  bucket(name: string): BucketRecord {
    return this.requireBucket(name).record;
  }

  createBucket(name: string, location: string): BucketRecord {
    if (this.buckets.has(name)) {
      throw new S3Error(
        'BucketAlreadyOwnedByYou',
        'Your previous request to create the named bucket succeeded and you already own it.',
        { BucketName: name },
      );
    }
    const dir = join(this.bucketsDir, name);
    mkdirSync(dir, { recursive: true });
    const bucket: Bucket = {
      record: { name, created: Date.now(), location },
      objects: new Map(),
      sorted: new SortedKeys(),
      journal: openSync(join(dir, 'objects.jsonl'), 'a'),
    };
    this.saveBucket(bucket);
    this.buckets.set(name, bucket);
    return bucket.record;
  }

  deleteBucket(name: string): void {
    const bucket = this.requireBucket(name);
    if (bucket.objects.size > 0) {
      throw new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty.', { BucketName: name });
    }
    for (const upload of this.uploads.values()) {
      if (upload.bucket === name) {
        this.dropUpload(upload, []);
      }
    }
    this.buckets.delete(name);
    closeSync(bucket.journal);
    rmSync(join(this.bucketsDir, name), { recursive: true, force: true });
  }

  setBucketConfig(name: string, field: 'cors' | 'lifecycle', value: XmlElement | undefined): void {
    const bucket = this.requireBucket(name);
    bucket.record[field] = value;
    this.saveBucket(bucket);
  }

  // ---- objects

  object(bucket: string, key: string): ObjectRecord | undefined {
    return this.requireBucket(bucket).objects.get(key);
  }

  list(bucket: string, request: ListRequest): ListResult & { records: ObjectRecord[] } {
    const b = this.requireBucket(bucket);
    const result = listKeys(b.sorted.all, request);
    return { ...result, records: result.keys.map((k) => b.objects.get(k) as ObjectRecord) };
  }

  /**
   * Records an object whose blobs are already stored. `check` sees the current version and may throw
   * (preconditions); nothing changes then, and the caller still owns the new blobs.
   */
  putObject(bucketName: string, record: ObjectRecord, check?: (current: ObjectRecord | undefined) => void): void {
    const bucket = this.requireBucket(bucketName);
    const current = bucket.objects.get(record.key);
    check?.(current);
    writeSync(bucket.journal, `${JSON.stringify({ put: record } satisfies ObjectEntry)}\n`);
    bucket.objects.set(record.key, record);
    bucket.sorted.insert(record.key);
    if (current) {
      this.blobs.discard(current.segments);
    }
  }

  deleteObject(bucketName: string, key: string): void {
    const bucket = this.requireBucket(bucketName);
    const current = bucket.objects.get(key);
    if (!current) {
      return;
    }
    writeSync(bucket.journal, `${JSON.stringify({ del: key } satisfies ObjectEntry)}\n`);
    bucket.objects.delete(key);
    bucket.sorted.remove(key);
    this.blobs.discard(current.segments);
  }

  // ---- multipart uploads

  createUpload(bucket: string, key: string, meta: ObjectMetadata): UploadRecord {
    this.requireBucket(bucket);
    const header = { uploadId: randomBytes(24).toString('base64url'), bucket, key, initiated: Date.now(), meta };
    writeFileAtomic(this.uploadPath(header.uploadId), `${JSON.stringify({ upload: header } satisfies UploadEntry)}\n`);
    const upload: UploadRecord = { ...header, parts: new Map() };
    this.uploads.set(upload.uploadId, upload);
    return upload;
  }

  /** The upload with this id, which must belong to this bucket and key. */
  upload(bucket: string, key: string, uploadId: string): UploadRecord {
    this.requireBucket(bucket);
    const upload = this.uploads.get(uploadId);
    if (!upload || upload.bucket !== bucket || upload.key !== key) {
      throw new S3Error(
        'NoSuchUpload',
        'The specified multipart upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
        { UploadId: uploadId },
      );
    }
    return upload;
  }

  listUploads(bucket: string): UploadRecord[] {
    this.requireBucket(bucket);
    return [...this.uploads.values()].filter((u) => u.bucket === bucket);
  }

  /** Records a part (replacing any earlier one with its number); throws NoSuchUpload if it is gone. */
  putPart(bucket: string, key: string, uploadId: string, part: PartRecord): void {
    const upload = this.upload(bucket, key, uploadId);
    appendFileSync(this.uploadPath(uploadId), `${JSON.stringify({ part } satisfies UploadEntry)}\n`);
    const previous = upload.parts.get(part.partNumber);
    upload.parts.set(part.partNumber, part);
    if (previous) {
      this.blobs.discard([{ blob: previous.blob, size: previous.size }]);
    }
  }

  /** Turns the chosen parts into an object (see putObject for `check`); other parts are freed. */
  completeUpload(upload: UploadRecord, record: ObjectRecord, check: (current: ObjectRecord | undefined) => void): void {
    this.putObject(upload.bucket, record, check);
    this.dropUpload(upload, record.segments);
  }

  abortUpload(upload: UploadRecord): void {
    this.dropUpload(upload, []);
  }

  /** Closes the journals; the store must not be used afterwards. */
  close(): void {
    for (const bucket of this.buckets.values()) {
      closeSync(bucket.journal);
    }
    this.buckets.clear();
  }

  // ---- internals

  private requireBucket(name: string): Bucket {
    const bucket = this.buckets.get(name);
    if (!bucket) {
      throw new S3Error('NoSuchBucket', 'The specified bucket does not exist.', { BucketName: name });
    }
    return bucket;
  }

  private saveBucket(bucket: Bucket): void {
    writeFileAtomic(join(this.bucketsDir, bucket.record.name, 'bucket.json'), JSON.stringify(bucket.record));
  }

  private uploadPath(uploadId: string): string {
    return join(this.uploadsDir, `${uploadId}.jsonl`);
  }

  /** Forgets an upload, freeing the blobs of its parts except those now owned by an object. */
  private dropUpload(upload: UploadRecord, kept: Segment[]): void {
    const keep = new Set(kept.map((s) => s.blob));
    this.uploads.delete(upload.uploadId);
    rmSync(this.uploadPath(upload.uploadId), { force: true });
    this.blobs.discard(
      [...upload.parts.values()].filter((p) => !keep.has(p.blob)).map((p) => ({ blob: p.blob, size: p.size })),
    );
  }

  private load(): void {
    const referenced = new Set<string>();
    for (const name of readdirSync(this.bucketsDir)) {
      this.loadBucket(join(this.bucketsDir, name), referenced);
    }
    for (const file of readdirSync(this.uploadsDir)) {
      this.loadUpload(join(this.uploadsDir, file), referenced);
    }
    this.blobs.sweep(referenced);
  }

  private loadBucket(dir: string, referenced: Set<string>): void {
    const configPath = join(dir, 'bucket.json');
    if (!existsSync(configPath)) {
      return;
    }
    const journal = join(dir, 'objects.jsonl');
    const { entries, clean } = readJournal<ObjectEntry>(journal);
    const objects = new Map<string, ObjectRecord>();
    for (const entry of entries) {
      if ('put' in entry) {
        objects.set(entry.put.key, entry.put);
      } else {
        objects.delete(entry.del);
      }
    }
    if (!clean || entries.length !== objects.size) {
      writeFileAtomic(
        journal,
        [...objects.values()].map((o) => `${JSON.stringify({ put: o } satisfies ObjectEntry)}\n`).join(''),
      );
    }
    for (const o of objects.values()) {
      o.segments.forEach((s) => referenced.add(s.blob));
    }
    const record = JSON.parse(readFileSync(configPath, 'utf8')) as BucketRecord;
    this.buckets.set(record.name, {
      record,
      objects,
      sorted: new SortedKeys(objects.keys()),
      journal: openSync(journal, 'a'),
    });
  }

  private loadUpload(path: string, referenced: Set<string>): void {
    let upload: UploadRecord | undefined;
    const { entries, clean } = readJournal<UploadEntry>(path);
    for (const entry of entries) {
      if ('upload' in entry) {
        upload = { ...entry.upload, parts: new Map() };
      } else if (upload) {
        upload.parts.set(entry.part.partNumber, entry.part);
      }
    }
    if (!upload || !this.buckets.has(upload.bucket)) {
      rmSync(path, { force: true });
      return;
    }
    if (!clean) {
      const { parts, ...header } = upload;
      const lines: UploadEntry[] = [{ upload: header }, ...[...parts.values()].map((part) => ({ part }))];
      writeFileAtomic(path, lines.map((l) => `${JSON.stringify(l)}\n`).join(''));
    }
    this.uploads.set(upload.uploadId, upload);
    upload.parts.forEach((p) => referenced.add(p.blob));
  }
}

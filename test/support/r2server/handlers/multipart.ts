// Multipart uploads with R2's rules: parts 1..10000, every part but the last at least 5 MiB and all
// of the same size, ETag `md5(part md5s)-N`.
import { createHash } from 'node:crypto';
import { S3Error } from '../errors';
import { compareKeys } from '../keys';
import { MAX_COPY_SOURCE_SIZE, MAX_PART_NUMBER, MAX_PART_SIZE, MIN_PART_SIZE } from '../limits';
import type { ObjectRecord, PartRecord, UploadRecord } from '../store';
import { uriEncode } from '../uri';
import { childrenNamed, childText, el, opt } from '../xml';
import { resolveCopySource } from './copySource';
import { parseListLimit } from './listing';
import { checkWrite, conditionsFrom, metadataFrom, rejectUnsupportedHeaders } from './objectMeta';
import { requireContentLength } from './objects';
import type { HandlerArgs } from './types';

function uploadOf({ ctx, store, bucket, key }: HandlerArgs): UploadRecord {
  return store.upload(bucket, key, ctx.param('uploadId') ?? '');
}

function partNumberOf(args: HandlerArgs): number {
  const text = args.ctx.param('partNumber') ?? '';
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= MAX_PART_NUMBER)) {
    throw new S3Error('InvalidArgument', `Part number must be an integer between 1 and ${MAX_PART_NUMBER}, inclusive`, {
      ArgumentName: 'partNumber',
      ArgumentValue: text,
    });
  }
  return n;
}

const unquote = (etag: string): string => etag.trim().replace(/^"(.*)"$/, '$1');

export async function createMultipartUpload(args: HandlerArgs): Promise<void> {
  const { ctx, store, bucket, key } = args;
  rejectUnsupportedHeaders(ctx);
  const meta = metadataFrom(ctx);
  // R2 checks conditional headers here too, so a doomed upload fails before any part is sent.
  checkWrite(store.object(bucket, key), conditionsFrom(ctx));
  const upload = store.createUpload(bucket, key, meta);
  await ctx.sendXml(
    200,
    el('InitiateMultipartUploadResult', [el('Bucket', bucket), el('Key', key), el('UploadId', upload.uploadId)]),
  );
}

/** Records a part whose blob is stored, freeing the blob if the upload vanished meanwhile. */
function commitPart(args: HandlerArgs, part: PartRecord): void {
  try {
    args.store.putPart(args.bucket, args.key, args.ctx.param('uploadId') ?? '', part);
  } catch (error) {
    args.store.blobs.discard([{ blob: part.blob, size: part.size }]);
    throw error;
  }
}

export async function uploadPart(args: HandlerArgs): Promise<void> {
  const { ctx, store } = args;
  const partNumber = partNumberOf(args);
  uploadOf(args);
  requireContentLength(args, MAX_PART_SIZE);
  const { blob, path } = store.blobs.create();
  const digest = await ctx.receiveToFile(path);
  const etag = digest.md5.toString('hex');
  commitPart(args, { partNumber, size: digest.size, etag, lastModified: Date.now(), blob });
  await ctx.send(200, { etag: `"${etag}"`, 'content-length': 0 });
}

function copyRangeOf(header: string | undefined, size: number): { start: number; end: number } {
  if (header === undefined) {
    return { start: 0, end: size - 1 };
  }
  const m = /^bytes=(\d+)-(\d+)$/.exec(header.trim());
  if (!m) {
    throw new S3Error(
      'InvalidArgument',
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
    );
  }
  const [start, end] = [Number(m[1]), Number(m[2])];
  if (start > end || end >= size) {
    throw new S3Error('InvalidRange', `Range specified is not valid for source object of size: ${size}`, {
      RangeRequested: header,
      ActualObjectSize: String(size),
    });
  }
  return { start, end };
}

export async function uploadPartCopy(args: HandlerArgs): Promise<void> {
  const { ctx, store } = args;
  const partNumber = partNumberOf(args);
  uploadOf(args);
  const source = resolveCopySource(args);
  const { start, end } = copyRangeOf(ctx.header('x-amz-copy-source-range'), source.record.size);
  if (end - start + 1 > MAX_COPY_SOURCE_SIZE) {
    throw new S3Error(
      'InvalidRequest',
      `The specified copy range is larger than the maximum allowable size for a copy: ${MAX_COPY_SOURCE_SIZE}`,
    );
  }
  const release = store.blobs.pin(source.record.segments);
  let copied;
  try {
    copied = await store.blobs.copyRange(source.record.segments, start, end);
  } finally {
    release();
  }
  const part = {
    partNumber,
    size: copied.segment.size,
    etag: copied.md5.toString('hex'),
    lastModified: Date.now(),
    blob: copied.segment.blob,
  };
  commitPart(args, part);
  await ctx.sendXml(
    200,
    el('CopyPartResult', [el('LastModified', new Date(part.lastModified).toISOString()), el('ETag', `"${part.etag}"`)]),
  );
}

/** The parts a CompleteMultipartUpload names, checked against what was uploaded. */
function chosenParts(upload: UploadRecord, requested: Array<{ partNumber: number; etag: string }>): PartRecord[] {
  const parts = requested.map(({ partNumber, etag }, i) => {
    if (i > 0 && partNumber <= requested[i - 1].partNumber) {
      throw new S3Error(
        'InvalidPartOrder',
        'The list of parts was not in ascending order. Parts must be ordered by part number.',
      );
    }
    const part = upload.parts.get(partNumber);
    if (!part || part.etag !== etag) {
      throw new S3Error(
        'InvalidPart',
        "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        {
          PartNumber: String(partNumber),
          ETag: etag,
        },
      );
    }
    return part;
  });
  parts.slice(0, -1).forEach((part) => {
    if (part.size < MIN_PART_SIZE) {
      throw new S3Error('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.', {
        ProposedSize: String(part.size),
        MinSizeAllowed: String(MIN_PART_SIZE),
        PartNumber: String(part.partNumber),
        ETag: part.etag,
      });
    }
    if (part.size !== parts[0].size) {
      throw new S3Error('InvalidPart', 'All non-trailing parts must have the same length.', {
        PartNumber: String(part.partNumber),
      });
    }
  });
  return parts;
}

export async function completeMultipartUpload(args: HandlerArgs): Promise<void> {
  const { ctx, store, bucket, key } = args;
  uploadOf(args);
  const xml = await ctx.receiveXml();
  const requested = childrenNamed(xml, 'Part').map((p) => ({
    partNumber: Number(childText(p, 'PartNumber')),
    etag: unquote(childText(p, 'ETag') ?? ''),
  }));
  if (
    xml.name !== 'CompleteMultipartUpload' ||
    requested.length === 0 ||
    requested.some((p) => !Number.isInteger(p.partNumber))
  ) {
    throw new S3Error(
      'MalformedXML',
      'The XML you provided was not well-formed or did not validate against our published schema (a CompleteMultipartUpload with at least one Part).',
    );
  }
  // Looked up again: the upload may have been aborted or completed while the body arrived.
  const upload = uploadOf(args);
  const parts = chosenParts(upload, requested);
  const md5s = Buffer.concat(parts.map((p) => Buffer.from(p.etag, 'hex')));
  const record: ObjectRecord = {
    key,
    size: parts.reduce((sum, p) => sum + p.size, 0),
    etag: `${createHash('md5').update(md5s).digest('hex')}-${parts.length}`,
    lastModified: Date.now(),
    segments: parts.map((p) => ({ blob: p.blob, size: p.size })),
    meta: upload.meta,
  };
  store.completeUpload(upload, record, (current) => checkWrite(current, conditionsFrom(ctx)));
  const location = `http://${ctx.header('host') ?? 'localhost'}/${bucket}/${uriEncode(key).replace(/%2F/g, '/')}`;
  await ctx.sendXml(
    200,
    el('CompleteMultipartUploadResult', [
      el('Location', location),
      el('Bucket', bucket),
      el('Key', key),
      el('ETag', `"${record.etag}"`),
    ]),
  );
}

export async function abortMultipartUpload(args: HandlerArgs): Promise<void> {
  args.store.abortUpload(uploadOf(args));
  await args.ctx.send(204, {});
}

export async function listParts(args: HandlerArgs): Promise<void> {
  const { ctx, bucket, key } = args;
  const upload = uploadOf(args);
  const maxParts = parseListLimit(ctx, 'max-parts');
  const marker = Number(ctx.param('part-number-marker') ?? 0) || 0;
  const all = [...upload.parts.values()]
    .filter((p) => p.partNumber > marker)
    .sort((a, b) => a.partNumber - b.partNumber);
  const page = all.slice(0, maxParts);
  const truncated = all.length > page.length;
  await ctx.sendXml(
    200,
    el('ListPartsResult', [
      el('Bucket', bucket),
      el('Key', key),
      el('UploadId', upload.uploadId),
      el('PartNumberMarker', marker),
      opt('NextPartNumberMarker', truncated ? page[page.length - 1].partNumber : undefined),
      el('MaxParts', maxParts),
      el('IsTruncated', truncated),
      el('StorageClass', upload.meta.storageClass),
      ...page.map((p) =>
        el('Part', [
          el('PartNumber', p.partNumber),
          el('LastModified', new Date(p.lastModified).toISOString()),
          el('ETag', `"${p.etag}"`),
          el('Size', p.size),
        ]),
      ),
    ]),
  );
}

export async function listMultipartUploads({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  const prefix = ctx.param('prefix') ?? '';
  const delimiter = ctx.param('delimiter') || undefined;
  const keyMarker = ctx.param('key-marker') ?? '';
  const uploadIdMarker = ctx.param('upload-id-marker') ?? '';
  const maxUploads = parseListLimit(ctx, 'max-uploads');
  // Sorted by key, then by initiation; a page resumes after (key-marker, upload-id-marker).
  const sorted = store
    .listUploads(bucket)
    .filter((u) => u.key.startsWith(prefix))
    .sort((a, b) => compareKeys(a.key, b.key) || a.initiated - b.initiated);
  const markerIndex = sorted.findIndex((u) => u.key === keyMarker && u.uploadId === uploadIdMarker);
  const remaining = sorted.filter(
    (u, i) =>
      keyMarker === '' ||
      compareKeys(u.key, keyMarker) > 0 ||
      (u.key === keyMarker && markerIndex >= 0 && i > markerIndex),
  );
  const uploads: UploadRecord[] = [];
  const prefixes: string[] = [];
  let truncated = false;
  let last: { key: string; uploadId?: string } | undefined;
  for (const u of remaining) {
    const cut = delimiter ? u.key.indexOf(delimiter, prefix.length) : -1;
    const group = cut >= 0 ? u.key.slice(0, cut + (delimiter ?? '').length) : undefined;
    if (group !== undefined && (prefixes.includes(group) || keyMarker.startsWith(group))) {
      continue;
    }
    if (uploads.length + prefixes.length >= maxUploads) {
      truncated = true;
      break;
    }
    if (group !== undefined) {
      prefixes.push(group);
      last = { key: group };
    } else {
      uploads.push(u);
      last = u;
    }
  }
  await ctx.sendXml(
    200,
    el('ListMultipartUploadsResult', [
      el('Bucket', bucket),
      el('KeyMarker', keyMarker),
      el('UploadIdMarker', uploadIdMarker),
      opt('NextKeyMarker', truncated ? last?.key : undefined),
      opt('NextUploadIdMarker', truncated ? last?.uploadId : undefined),
      el('Prefix', prefix),
      opt('Delimiter', delimiter),
      el('MaxUploads', maxUploads),
      el('IsTruncated', truncated),
      ...uploads.map((u) =>
        el('Upload', [
          el('Key', u.key),
          el('UploadId', u.uploadId),
          el('Initiated', new Date(u.initiated).toISOString()),
          el('StorageClass', u.meta.storageClass),
        ]),
      ),
      ...prefixes.map((p) => el('CommonPrefixes', [el('Prefix', p)])),
    ]),
  );
}

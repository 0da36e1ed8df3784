import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ListMultipartUploadsCommand, S3Client } from '@aws-sdk/client-s3';
import { getObjectBytes, listPage, putObject, runConcurrently } from '../../../src/r2';
import type { R2Client } from '../../../src/r2';
import { server } from './extension';

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A temporary folder with these files (relative path → content). */
export async function localTree(files: Record<string, Buffer | string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'r2-it-'));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

/** Writes `count` small objects `<prefix>0000<suffix>`, `<prefix>0001<suffix>`…, 64 at a time (a folder to page through). */
export async function putNumberedKeys(
  client: R2Client,
  bucket: string,
  { prefix, count, suffix = '' }: { prefix: string; count: number; suffix?: string },
): Promise<void> {
  const signal = AbortSignal.timeout(300_000);
  await runConcurrently(count, 64, signal, async (index) => {
    await putObject(client, { bucket, key: `${prefix}${String(index).padStart(4, '0')}${suffix}`, body: 'x' }, signal);
  });
}

export function randomContent(bytes: number): Buffer {
  return randomBytes(bytes);
}

/** Every key under a prefix, with the SHA-256 of its bytes. */
export async function bucketContents(client: R2Client, bucket: string, prefix = ''): Promise<Record<string, string>> {
  const contents: Record<string, string> = {};
  let token: string | undefined;
  do {
    const page = await listPage(client, { bucket, prefix, delimiter: '', token }, AbortSignal.timeout(60_000));
    for (const object of page.objects) {
      const { bytes } = await getObjectBytes(
        client,
        { bucket, key: object.key, maxBytes: 300 * 1024 * 1024 },
        AbortSignal.timeout(60_000),
      );
      contents[object.key] = sha256(bytes);
    }
    token = page.nextToken;
  } while (token);
  return contents;
}

/** Multipart uploads still open in a bucket (none may be left behind by a cancel). */
export async function openMultipartUploads(bucket: string): Promise<string[]> {
  const s3 = new S3Client({
    endpoint: server.endpoint,
    forcePathStyle: true,
    region: 'auto',
    credentials: server.admin,
  });
  try {
    const output = await s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    return (output.Uploads ?? []).map((upload) => upload.Key ?? '');
  } finally {
    s3.destroy();
  }
}

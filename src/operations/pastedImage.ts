// A pasted image, uploaded as files are: uploads stream from a file (and retry from it), so the bytes
// are written to a temporary one for as long as the upload and its summary's Retry may need them.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LocalFile } from './localFiles';

/**
 * Runs `work` with the PNG `bytes` as a file to upload under `name` (in the destination folder); the
 * file is removed when `work` ends. It is named `image.png`, whatever `name` is: an upload's
 * Content-Type comes from the file's name (image/png), and an object's name may hold characters no
 * file name may (':' on Windows).
 */
export async function withPngFile<T>(
  bytes: Uint8Array,
  name: string,
  work: (file: LocalFile) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(join(tmpdir(), 'r2-pasted-image-'));
  try {
    const path = join(folder, 'image.png');
    await writeFile(path, bytes);
    return await work({ path, relativeKey: name, size: bytes.byteLength });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

// `node uploadFolder.js <dir> <prefix> <concurrency>`: a folder the way the extension uploads one
// (src/operations/uploads.ts): the same file walk, the same batch runner, uploadFile per file,
// create-only with a content type. Only the VS Code progress and conflict prompts are left out.
import { basename } from 'node:path';
import { contentType } from 'mime-types';
import { uploadFile } from '../../src/r2';
import { runBatch } from '../../src/operations/batch';
import { collectLocalFiles } from '../../src/operations/localFiles';
import { runWorker } from './worker';

export const uploadFolderOperation = runWorker(async ({ client, bucket, args: [dir, prefix, concurrency], signal }) => {
  const { files, problems } = await collectLocalFiles([dir]);
  if (problems.length > 0) {
    throw new Error(`cannot upload: ${problems.map((p) => `${p.path} (${p.reason})`).join(', ')}`);
  }
  const outcome = await runBatch(files, Number(concurrency), signal, async (file, itemSignal) => {
    await uploadFile(
      client,
      {
        bucket,
        // Below the folder's own name, as `aws s3 cp --recursive` and `rclone copy` place them.
        key: prefix + file.relativeKey.slice(file.relativeKey.indexOf('/') + 1),
        filePath: file.path,
        contentType: contentType(basename(file.path)) || 'application/octet-stream',
        ifNoneMatch: '*',
      },
      itemSignal,
    );
    return 'done';
  });
  if (outcome.failed.length > 0) {
    throw new Error(`${outcome.failed.length} uploads failed, first: ${String(outcome.failed[0].error)}`);
  }
  return { files: outcome.done.length };
}, module);

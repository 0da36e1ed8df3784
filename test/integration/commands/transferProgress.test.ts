// What a transfer says while it runs and when it ends: the file being moved, sizes in IEC units,
// and a summary that names what went where.
import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { addServerAccount, child, useBuckets } from '../support/extension';
import { localTree, randomContent } from '../support/files';
import { runWithPrompts } from '../support/prompts';

const BUCKET = 'progress-bucket';

/** Records every progress message shown while `run` runs; the notifications still show. */
async function recordingProgress(run: () => Promise<unknown>): Promise<string[]> {
  const window = vscode.window as { withProgress: typeof vscode.window.withProgress };
  const original = window.withProgress;
  const messages: string[] = [];
  window.withProgress = ((options, task) =>
    original(options, (progress, token) =>
      task(
        {
          report: (value) => {
            if (value.message) {
              messages.push(value.message);
            }
            progress.report(value);
          },
        },
        token,
      ),
    )) as typeof vscode.window.withProgress;
  try {
    await run();
  } finally {
    window.withProgress = original;
  }
  return messages;
}

describe('Transfer progress and summaries', function () {
  this.timeout(120_000);
  useBuckets(BUCKET);

  it('progress names the file being uploaded, in IEC units; the summary names where it went', async () => {
    const root = await localTree({ 'big.bin': randomContent(12 * 1024 * 1024), 'small.txt': 's' });
    const bucket = await child(await addServerAccount('Progress'), BUCKET);
    const files = [vscode.Uri.file(join(root, 'big.bin')), vscode.Uri.file(join(root, 'small.txt'))];
    let summary: string | undefined;
    const progress = await recordingProgress(async () => {
      // As a drop on the bucket hands them to the command.
      const prompts = await runWithPrompts('r2.upload', [bucket, files]);
      summary = prompts.shown.at(-1)?.message;
    });
    assert.ok(
      progress.some((message) => /^big\.bin — (\d+ of 2 files · )?[\d.]+ (B|KiB|MiB) of 12 MiB/.test(message)),
      progress.join('\n'),
    );
    assert.equal(summary, `Uploaded 2 files to ${BUCKET}/`);
  });
});

// What a newcomer finds in the sandbox: buckets that show each part of the R2 view, and a local
// folder with files to upload. Written through the S3 API, as any client would.
import { setMaxListeners } from 'node:events';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { lookup } from 'mime-types';
import { createBucket, putObject } from '../../src/r2';
import type { R2Client } from '../../src/r2';
import { sunsetPng } from './png';

/** Keys in the one folder that needs Load more… (R2 lists at most 1,000 per page). */
export const LOG_EVENTS = 2500;

export const SEED = {
  assets: 'demo-assets',
  logs: 'demo-logs',
  empty: 'demo-empty',
  /** A key with spaces and unicode, shown exactly as stored. */
  unicodeKey: 'notes/Café menu — été 2026 ☕.txt',
  textKey: 'docs/getting-started.md',
  imageKey: 'images/sunset.png',
} as const;

const ASSETS: Record<string, string | Buffer> = {
  'README.md': '# demo-assets\n\nA bucket the R2 Explorer sandbox made for you to explore. Nothing here is real.\n',
  [SEED.textKey]: [
    '# Getting started',
    '',
    'Click an object to open it; edit and save (Ctrl+S) to write it back to the bucket.',
    'Right-click a file in the Explorer and choose **Upload to R2…** to send it here.',
    '',
  ].join('\n'),
  'docs/reference/limits.md':
    '# Limits\n\n- Keys up to 1,024 bytes\n- Objects up to 5 TiB (multipart)\n- 1,000 keys per listing page\n',
  [SEED.unicodeKey]: 'Croissant — 2,50 €\nCafé crème — 3,20 €\n',
  [SEED.imageKey]: sunsetPng(),
  'site/index.html':
    '<!doctype html>\n<title>Demo</title>\n<link rel="stylesheet" href="styles.css">\n<h1>Hello from R2</h1>\n',
  'site/styles.css': 'body { font-family: system-ui, sans-serif; margin: 4rem; }\nh1 { color: #f6821f; }\n',
  'config/app.json': `${JSON.stringify({ name: 'demo', features: { uploads: true, presignedLinks: true } }, null, 2)}\n`,
};

function logEvent(index: number): [string, string] {
  const key = `events/event-${String(index).padStart(5, '0')}.json`;
  const at = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
  return [key, `${JSON.stringify({ id: index, at, type: index % 7 === 0 ? 'error' : 'page_view' })}\n`];
}

/** Runs `work` on every item, `concurrency` at a time. */
async function eachLimited<T>(
  items: readonly T[],
  concurrency: number,
  work: (item: T) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      await work(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Creates the demo buckets and their objects; run once per data folder. */
export async function seedBuckets(client: R2Client, signal: AbortSignal): Promise<void> {
  for (const bucket of [SEED.assets, SEED.logs, SEED.empty]) {
    await createBucket(client, { bucket }, signal);
  }
  const objects: Array<[string, string, string | Buffer]> = [
    ...Object.entries(ASSETS).map(([key, body]): [string, string, string | Buffer] => [SEED.assets, key, body]),
    ...Array.from({ length: LOG_EVENTS }, (_, i): [string, string, string] => [SEED.logs, ...logEvent(i + 1)]),
  ];
  // Every request in flight listens on the signal: more than Node's leak warning expects.
  const shared = AbortSignal.any([signal]);
  setMaxListeners(0, shared);
  await eachLimited(objects, 16, ([bucket, key, body]) =>
    putObject(client, { bucket, key, body, contentType: lookup(key) || undefined }, shared),
  );
}

/** The folder the workbench opens: local files to try Upload to R2… on. Existing files are kept. */
export function seedWorkspace(folder: string): void {
  const files: Record<string, string> = {
    'hello.txt': 'Hello, R2! Right-click me in the Explorer and choose "Upload to R2…".\n',
    'photos/README.md': 'Put files here and upload the whole folder.\n',
  };
  for (const [path, content] of Object.entries(files)) {
    const file = join(folder, path);
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
}

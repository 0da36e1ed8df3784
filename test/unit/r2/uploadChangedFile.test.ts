// A local file that changes while it is uploaded over an existing object (issue 14, finding 3):
// the key must keep a whole version, so the old object stays and the error names the file. The
// change is made from the upload's own progress callback, once its first bytes have been read:
// deterministic on the local server and on RGW alike.
import assert from 'node:assert/strict';
import { appendFileSync, openSync, closeSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { getObjectBytes, putObject, uploadFile } from '../../../src/r2';
import { s3env } from '../../support/s3env';
import { expectR2Error, live, openUploads, useBucket, useTempDir, writeRandomFile } from './helpers';

const MiB = 1024 * 1024;

/** Two ways a file changes: it grows, or its first bytes are rewritten in place (same size, new time). */
const CHANGES = {
  grows: (path: string) => appendFileSync(path, 'more bytes'),
  'is rewritten in place': (path: string) => {
    const fd = openSync(path, 'r+');
    try {
      writeSync(fd, Buffer.from('rewritten'), 0, 9, 0);
    } finally {
      closeSync(fd);
    }
  },
} as const;

/** Sizes that take each path through uploadFile: parts (over a 5 MiB threshold), and one streamed PUT. */
const SIZES = {
  'multipart upload': { size: 12 * MiB + 17, settings: { multipartThreshold: 5 * MiB, partSize: 5 * MiB } },
  'single streamed PUT': { size: 3 * MiB + 5, settings: {} },
} as const;

describe('r2 upload of a file that changes meanwhile', () => {
  const bucket = useBucket('changed-file');
  const temp = useTempDir();

  afterEach(() => {
    s3env().local?.clearFaults();
  });

  for (const [way, { size, settings }] of Object.entries(SIZES)) {
    for (const [change, apply] of Object.entries(CHANGES)) {
      it(`${way}: a file that ${change} leaves the old object whole and says the file changed`, async () => {
        const { client, name } = bucket;
        const key = `${way}/${change}.bin`;
        const path = join(temp.path, `${way}-${change}.bin`.replace(/ /g, '-'));
        await writeRandomFile(path, size);
        await putObject(client, { bucket: name, key, body: 'the old version' }, live);
        let changed = false;
        const upload = uploadFile(
          client,
          {
            bucket: name,
            key,
            filePath: path,
            ...settings,
            onProgress: () => {
              if (!changed) {
                changed = true;
                apply(path);
              }
            },
          },
          live,
        );
        const error = await expectR2Error(upload, 'FileChanged');
        const stored = await getObjectBytes(client, { bucket: name, key, maxBytes: 1000 }, live);
        assert.equal(stored.bytes.toString(), 'the old version');
        assert.deepEqual(await openUploads(name), []);
        assert.ok(error.message.includes(path), `the message names the file: ${error.message}`);
        assert.match(error.message, /changed while it was uploaded/);
      });
    }
  }
});

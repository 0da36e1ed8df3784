import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CreateBucketCommand, ListBucketsCommand } from '@aws-sdk/client-s3';
import type { R2Credential } from '../../support/r2server';
import { clientFor } from './helpers';

describe('r2server: command line', function () {
  this.timeout(15_000);

  it('prints its endpoint and credentials as JSON, serves, and stops on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'r2server-cli-'));
    const child = spawn(
      process.execPath,
      [join(__dirname, '..', '..', 'support', 'r2server', 'cli.js'), '--port', '0', '--data', dataDir],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      const [firstLine] = (await once(createInterface({ input: child.stdout }), 'line')) as [string];
      const info = JSON.parse(firstLine) as {
        endpoint: string;
        region: string;
        credentials: R2Credential[];
        dataDir: string;
      };
      assert.equal(info.region, 'auto');
      assert.equal(info.dataDir, dataDir);
      const client = clientFor(info);
      await client.send(new CreateBucketCommand({ Bucket: 'from-cli' }));
      const list = await client.send(new ListBucketsCommand({}));
      assert.deepEqual(
        list.Buckets?.map((b) => b.Name),
        ['from-cli'],
      );
      const stats = (await (await fetch(`${info.endpoint}/__r2/stats`)).json()) as { total: number };
      assert.equal(stats.total, 2);
      client.destroy();

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      assert.equal(code, 0);
      assert.ok(existsSync(join(dataDir, 'buckets', 'from-cli')), 'the data folder is kept');
    } finally {
      child.kill('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

// The S3 endpoint the transfer and listing cases run against, in the form each tool is given it.
import type { R2ClientOptions } from '../src/r2';
import { R2Client } from '../src/r2';
import type { LinkProxy } from './linkProxy';
import type { LocalServer, RequestCounts } from './localServer';
import type { Credentials, ProfileName } from './options';

export interface Target {
  /** "local R2 server" or the name of an external endpoint (e.g. "rgw"). */
  readonly name: string;
  readonly url: string;
  readonly credentials: Credentials;
  readonly bucket: string;
  readonly profile: ProfileName;
  /** Request counters: only the local server has them. */
  readonly counts?: Pick<LocalServer, 'stats' | 'resetStats'>;
  /** Bytes counted on the way: only the link profile's proxy has them. */
  readonly traffic?: Pick<LinkProxy, 'traffic' | 'resetTraffic'>;
}

/** How ours (the worker processes) learn the endpoint: environment, as the peers learn theirs. */
export function workerEnv(target: Target): NodeJS.ProcessEnv {
  return {
    R2_BENCH_URL: target.url,
    R2_BENCH_KEY_ID: target.credentials.accessKeyId,
    R2_BENCH_SECRET: target.credentials.secretAccessKey,
    R2_BENCH_BUCKET_NAME: target.bucket,
  };
}

export function clientFor(
  target: Pick<Target, 'url' | 'credentials'>,
  options: Partial<R2ClientOptions> = {},
): R2Client {
  return new R2Client({ ...options, endpoint: { kind: 'custom', url: target.url }, credentials: target.credentials });
}

/** Counts the requests `work` makes, when the target can count them. */
export async function counted<T>(
  target: Target,
  work: () => Promise<T>,
): Promise<{ result: T; requests?: RequestCounts }> {
  await target.counts?.resetStats();
  const result = await work();
  return { result, requests: await target.counts?.stats() };
}

// The S3 endpoint the tests talk to. With R2_TEST_ENDPOINT (and R2_TEST_ACCESS_KEY_ID,
// R2_TEST_SECRET_ACCESS_KEY, R2_TEST_SERVER=local|rgw) set, that server (e.g. from test/support/rgw.sh);
// otherwise the local R2 server, started in-process by the root hooks below.
import { randomBytes } from 'node:crypto';
import type { R2Credential, R2Server } from './r2server';
import { startR2Server } from './r2server';

/** Which implementation answers: tests use it to state where RGW differs from R2. */
export type ServerFlavour = 'local' | 'rgw';

export interface TestCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3TestEnv {
  flavour: ServerFlavour;
  endpoint: string;
  credentials: TestCredentials;
  /** The in-process local server, for request counts and fault injection; absent for external servers. */
  local?: R2Server;
  /** In-process local server only: a key limited to `scopedBucket`, like R2's object-level tokens. */
  scoped?: TestCredentials & { bucket: string };
  /** In-process local server only: an admin key that may not write, like R2's read-only tokens. */
  readOnly?: TestCredentials;
}

let current: S3TestEnv | undefined;

function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** R2-shaped keys: 32 hex characters of ID, 64 of secret. */
function newCredential(extra: Partial<R2Credential> = {}): R2Credential {
  return { accessKeyId: randomHex(16), secretAccessKey: randomHex(32), ...extra };
}

function fromEnvironment(endpoint: string): S3TestEnv {
  const {
    R2_TEST_ACCESS_KEY_ID: accessKeyId,
    R2_TEST_SECRET_ACCESS_KEY: secretAccessKey,
    R2_TEST_SERVER: flavour,
  } = process.env;
  if (!accessKeyId || !secretAccessKey) {
    throw new Error('R2_TEST_ENDPOINT needs R2_TEST_ACCESS_KEY_ID and R2_TEST_SECRET_ACCESS_KEY');
  }
  if (flavour !== 'local' && flavour !== 'rgw') {
    throw new Error('R2_TEST_ENDPOINT needs R2_TEST_SERVER=local or R2_TEST_SERVER=rgw');
  }
  return { flavour, endpoint, credentials: { accessKeyId, secretAccessKey } };
}

async function startLocal(): Promise<S3TestEnv> {
  const admin = newCredential();
  const scopedBucket = `scoped-${randomHex(4)}`;
  const scoped = newCredential({ buckets: [scopedBucket] });
  const readOnly = newCredential({ readOnly: true });
  const local = await startR2Server({ port: 0, credentials: [admin, scoped, readOnly] });
  return {
    flavour: 'local',
    endpoint: local.endpoint,
    credentials: admin,
    local,
    scoped: { ...scoped, bucket: scopedBucket },
    readOnly,
  };
}

/** The environment, once the root `before` hook has run. */
export function s3env(): S3TestEnv {
  if (current === undefined) {
    throw new Error('s3env() is available inside tests and hooks only');
  }
  return current;
}

before(async () => {
  const endpoint = process.env.R2_TEST_ENDPOINT;
  current = endpoint ? fromEnvironment(endpoint) : await startLocal();
});

after(async () => {
  await current?.local?.close();
});

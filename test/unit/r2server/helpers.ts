// Shared set-up for the local R2 server's tests: a server per suite, SDK clients configured as the
// extension's will be, and a hook to alter requests after the SDK has signed them.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3ClientConfig, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-s3';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { SignatureV4 } from '@smithy/signature-v4';
import type { FinalizeHandler, FinalizeHandlerArguments, HttpRequest } from '@smithy/types';
import { NodeSha256 } from '../../support/nodeSha256';
import type { R2Credential, R2Server, R2ServerOptions } from '../../support/r2server';
import { startR2Server } from '../../support/r2server';

export function clientFor(
  server: Pick<R2Server, 'endpoint' | 'credentials'>,
  credential: R2Credential = server.credentials[0],
  config: Partial<S3ClientConfig> = {},
): S3Client {
  return new S3Client({
    endpoint: server.endpoint,
    forcePathStyle: true,
    region: 'auto',
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...config,
  });
}

/** Runs `alter` on every request the client sends, after the SDK signed it (to forge bad requests). */
export function alterSignedRequests(client: S3Client, alter: (request: HttpRequest) => void): void {
  client.middlewareStack.addRelativeTo(
    (next: FinalizeHandler<ServiceInputTypes, ServiceOutputTypes>) =>
      async (args: FinalizeHandlerArguments<ServiceInputTypes>) => {
        alter(args.request as HttpRequest);
        return next(args);
      },
    { relation: 'after', toMiddleware: 'httpSigningMiddleware', name: 'alterSignedRequest', override: true },
  );
}

/** Asserts that a promise rejects with an S3 error code (and HTTP status, when given). */
export async function rejectsWith(promise: Promise<unknown>, code: string, status?: number): Promise<void> {
  await assert.rejects(promise, (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
    assert.equal(error.name, code, `expected ${code}, got ${error.name}: ${error.message}`);
    if (status !== undefined) {
      assert.equal(error.$metadata?.httpStatusCode, status);
    }
    return true;
  });
}

export interface Harness {
  server: R2Server;
  client: S3Client;
  bucket: string;
  /** The data folder (removed after the suite). */
  dataDir: string;
}

/**
 * Starts a server with its own data folder before a suite and stops it after; `bucket` exists.
 * The returned object is filled in by the `before` hook.
 */
export function useServer(options: Omit<R2ServerOptions, 'dataDir'> = {}): Harness {
  const harness = {} as Harness;
  before(async () => {
    harness.dataDir = mkdtempSync(join(tmpdir(), 'r2server-test-'));
    harness.server = await startR2Server({ ...options, dataDir: harness.dataDir });
    harness.client = clientFor(harness.server);
    harness.bucket = 'test-bucket';
    await harness.client.send(new CreateBucketCommand({ Bucket: harness.bucket }));
  });
  after(async () => {
    harness.client.destroy();
    await harness.server.close();
    rmSync(harness.dataDir, { recursive: true, force: true });
  });
  return harness;
}

/** Runs tasks with bounded concurrency. */
export async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      await task(items[next++]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface RawResponse {
  status: number;
  body: string;
}

export interface RawRequest {
  method: string;
  /** Already URI-encoded, as it goes on the wire. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

const rawAgent = new Agent({ keepAlive: true });

/** Sends a request exactly as given: no SDK in between. */
export function sendRaw(endpoint: string, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      `${endpoint}${req.path}`,
      { method: req.method, headers: req.headers, agent: rawAgent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    r.on('error', reject);
    r.end(req.body);
  });
}

export interface SignOptions {
  service?: string;
  /** True makes the signer encode the already-encoded path again (the double-encoding bug). */
  uriEscapePath?: boolean;
}

/**
 * Signs a request with @smithy/signature-v4 directly and sends it: a second SigV4 client, much
 * lighter than the S3 client (used to seed thousands of objects quickly, and to forge scopes).
 */
export async function sendSigned(server: R2Server, req: RawRequest, options: SignOptions = {}): Promise<RawResponse> {
  const url = new URL(server.endpoint);
  const credential = server.credentials[0];
  const signer = new SignatureV4({
    service: options.service ?? 's3',
    region: 'auto',
    credentials: { accessKeyId: credential.accessKeyId, secretAccessKey: credential.secretAccessKey },
    sha256: NodeSha256,
    uriEscapePath: options.uriEscapePath ?? false,
  });
  const body = req.body ?? '';
  const signed = (await signer.sign({
    method: req.method,
    protocol: 'http:',
    hostname: url.hostname,
    port: Number(url.port),
    path: req.path,
    query: {},
    headers: {
      host: url.host,
      'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      'content-length': String(Buffer.byteLength(body)),
      ...req.headers,
    },
  })) as HttpRequest;
  return sendRaw(server.endpoint, { ...req, headers: signed.headers });
}

// A TLS front for the local server, so that tests reach it over https as clients reach R2: each
// connection is decrypted here and relayed, bytes as they are, to the server's plain port. Its
// certificate is a throwaway, self-signed for localhost and 127.0.0.1 (no secret: it guards nothing),
// so a test that uses it turns certificate checks off while it runs (withUncheckedCertificates).
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { createServer } from 'node:tls';

const CERTIFICATE = [
  '-----BEGIN CERTIFICATE-----',
  'MIIBmzCCAUGgAwIBAgIUaomt04gNetHBVUBOd+CZjxEOG+4wCgYIKoZIzj0EAwIw',
  'FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTI2MTIwMTIyMjIxM1oYDzIxMjYxMTA3',
  'MjIyMjEzWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO',
  'PQMBBwNCAARcyLN8ztjfwvMjIV+CsCk4FgDnzywJBYFqzra1a54FeN2wEpmURPfu',
  'WHXvBEdmMqg+GyHKM7CRkRwLi1nE1AiMo28wbTAdBgNVHQ4EFgQUny1mL7Luv8GX',
  'd+1LLsNHKhhBiCEwHwYDVR0jBBgwFoAUny1mL7Luv8GXd+1LLsNHKhhBiCEwDwYD',
  'VR0TAQH/BAUwAwEB/zAaBgNVHREEEzARgglsb2NhbGhvc3SHBH8AAAEwCgYIKoZI',
  'zj0EAwIDSAAwRQIgE/Isfz7GLoTHepz6zQP8n1h/MXTfBev3+W7bVJnZFLkCIQD3',
  'uL//3UiCEoY0m0FtafZ8wRsOcRyQf/ZT8Vs6dTbgGQ==',
  '-----END CERTIFICATE-----',
].join('\n');

const KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg1rJpLZMLMDT5gxP7',
  '42cVYaCm8VV8o6Rvit3UhVqCkGyhRANCAARcyLN8ztjfwvMjIV+CsCk4FgDnzywJ',
  'BYFqzra1a54FeN2wEpmURPfuWHXvBEdmMqg+GyHKM7CRkRwLi1nE1AiM',
  '-----END PRIVATE KEY-----',
].join('\n');

export interface TlsRelay {
  /** `https://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Connections made to it so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/** Starts a TLS front for the plain server at `port` on 127.0.0.1. */
export async function startTlsRelay(port: number): Promise<TlsRelay> {
  let connections = 0;
  const server = createServer({ cert: CERTIFICATE, key: KEY }, (secure) => {
    connections++;
    const plain = connect({ host: '127.0.0.1', port });
    secure.pipe(plain).pipe(secure);
    secure.on('error', () => plain.destroy());
    plain.on('error', () => secure.destroy());
    secure.on('close', () => plain.destroy());
    plain.on('close', () => secure.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/**
 * Runs `work` with Node's certificate checks off (NODE_TLS_REJECT_UNAUTHORIZED=0, read at each
 * connection), for a client of the relay's self-signed endpoint; the setting is restored after.
 */
export async function withUncheckedCertificates<T>(work: () => Promise<T>): Promise<T> {
  const before = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  try {
    return await work();
  } finally {
    if (before === undefined) {
      delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    } else {
      process.env.NODE_TLS_REJECT_UNAUTHORIZED = before;
    }
  }
}

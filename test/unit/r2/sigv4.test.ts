// src/r2's own SigV4 signer must give every request the headers the SDK's signer
// (@smithy/signature-v4) gives it, on every day: it keeps the day's signing key between requests.
import assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { resolveEndpoint } from '../../../src/r2';
import { requestTarget } from '../../../src/r2/signedRequest';
import type { RequestToSign } from '../../../src/r2/sigv4';
import { SigV4Signer } from '../../../src/r2/sigv4';
import { NodeSha256 } from '../../support/nodeSha256';
import { ODD_KEYS } from './helpers';

const credentials = {
  accessKeyId: 'AKIDEXAMPLE0123456789',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};
const endpoint = resolveEndpoint({ kind: 'custom', url: 'https://s3.example.com/base/' });
const SHA256_OF_NOTHING = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

async function sdkHeaders(request: RequestToSign, date: Date, region: string): Promise<Record<string, string>> {
  const signer = new SignatureV4({ credentials, region, service: 's3', sha256: NodeSha256, uriEscapePath: false });
  const target = { protocol: 'https:', hostname: 's3.example.com' };
  return (await signer.sign({ ...target, ...request }, { signingDate: date })).headers;
}

function put(key: string, headers: Record<string, string>): RequestToSign {
  const target = requestTarget(endpoint, 'my-bucket', key);
  return {
    method: 'PUT',
    path: target.path,
    query: {},
    headers: { host: target.host, 'content-length': '5', 'x-amz-content-sha256': 'ab'.repeat(32), ...headers },
  };
}

const list = (query: Record<string, string>): RequestToSign => ({
  method: 'GET',
  path: requestTarget(endpoint, 'my-bucket').path,
  query,
  headers: { host: 's3.example.com', 'x-amz-content-sha256': SHA256_OF_NOTHING },
});

const REQUESTS: RequestToSign[] = [
  ...ODD_KEYS.map((key) => put(key, { 'content-type': 'text/plain; charset=utf-8', 'if-none-match': '*' })),
  put('headers.txt', {
    // Unsigned, as the SDK leaves it: it may be changed on the way.
    'cache-control': 'no-cache',
    'content-disposition': 'attachment;  filename="a  b.txt"',
    'content-type': '  text/plain\t',
    'if-match': '"0123"',
    'x-amz-meta-author': 'ada\r\nlovelace',
    'x-amz-meta-empty': '',
    connection: 'keep-alive',
  }),
  list({ 'list-type': '2', prefix: 'ünï cødé/+&=', delimiter: '/', 'max-keys': '1000' }),
  list({ 'list-type': '2', 'continuation-token': '1/abc+def==', 'start-after': "it's (a) key!*" }),
  {
    method: 'DELETE',
    path: '/',
    query: {},
    headers: { host: 's3.example.com', 'x-amz-content-sha256': SHA256_OF_NOTHING },
  },
];

describe('r2 SigV4 signer', () => {
  it('signs every kind of request as the SDK does: odd keys, queries, unsigned and untidy headers', async () => {
    const signer = new SigV4Signer(credentials, 'auto', 's3');
    const date = new Date('2026-03-04T05:06:07.089Z');
    for (const request of REQUESTS) {
      assert.deepEqual(
        signer.sign(request, date),
        await sdkHeaders(request, date, 'auto'),
        `${request.method} ${request.path}`,
      );
    }
  });

  it('signs with the right day key when the day changes, back and forth, in any region', async () => {
    const request = put('k', { 'content-type': 'application/octet-stream' });
    const dates = [
      '2026-12-01T23:59:59.999Z',
      '2026-12-02T00:00:00.000Z',
      '2026-12-01T12:00:00Z',
      '2027-01-01T00:00:01Z',
    ];
    for (const region of ['auto', 'eu-central-1']) {
      const signer = new SigV4Signer(credentials, region, 's3');
      for (const iso of dates) {
        const date = new Date(iso);
        assert.deepEqual(signer.sign(request, date), await sdkHeaders(request, date, region), `${region} ${iso}`);
      }
    }
  });
});

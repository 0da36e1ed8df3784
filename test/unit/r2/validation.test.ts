// Checks made before any request: endpoints, names, keys, sizes, and the error classification table.
import assert from 'node:assert/strict';
import { bucketNameProblem, classifyError, isValidKey, R2Client, resolveEndpoint } from '../../../src/r2';
import { decodeListedKey, encodeCopySource } from '../../../src/r2/keys';
import { choosePartSize, MAX_PARTS } from '../../../src/r2/multipart';

const ACCOUNT = '0123456789abcdef0123456789abcdef';
const MiB = 1024 ** 2;

describe('r2 validation', () => {
  describe('resolveEndpoint', () => {
    it('builds the R2 endpoint of each jurisdiction', () => {
      assert.equal(
        resolveEndpoint({ kind: 'r2', accountId: ACCOUNT, jurisdiction: 'default' }).url,
        `https://${ACCOUNT}.r2.cloudflarestorage.com`,
      );
      assert.equal(
        resolveEndpoint({ kind: 'r2', accountId: ACCOUNT, jurisdiction: 'eu' }).url,
        `https://${ACCOUNT}.eu.r2.cloudflarestorage.com`,
      );
      assert.equal(
        resolveEndpoint({ kind: 'r2', accountId: ACCOUNT, jurisdiction: 'fedramp' }).url,
        `https://${ACCOUNT}.fedramp.r2.cloudflarestorage.com`,
      );
      assert.equal(
        resolveEndpoint({ kind: 'r2', accountId: ACCOUNT.toUpperCase(), jurisdiction: 'default' }).url,
        `https://${ACCOUNT}.r2.cloudflarestorage.com`,
      );
    });

    it('refuses account IDs that are not 32 hex characters', () => {
      for (const accountId of [
        '',
        '0123',
        `${ACCOUNT}0`,
        'g123456789abcdef0123456789abcdef',
        `${ACCOUNT.slice(0, 31)}.`,
      ]) {
        assert.throws(() => resolveEndpoint({ kind: 'r2', accountId, jurisdiction: 'default' }), {
          code: 'InvalidArgument',
        });
      }
    });

    it('accepts custom endpoints, path-style by default, and warns about plain http off loopback', () => {
      const local = resolveEndpoint({ kind: 'custom', url: 'http://127.0.0.1:9000/' });
      assert.deepEqual(local, { url: 'http://127.0.0.1:9000', forcePathStyle: true, warnings: [] });
      assert.deepEqual(resolveEndpoint({ kind: 'custom', url: 'http://localhost:9000' }).warnings, []);
      assert.deepEqual(resolveEndpoint({ kind: 'custom', url: 'http://[::1]:9000' }).warnings, []);
      assert.equal(
        resolveEndpoint({ kind: 'custom', url: 'https://s3.example.com', forcePathStyle: false }).forcePathStyle,
        false,
      );
      const remote = resolveEndpoint({ kind: 'custom', url: 'http://minio.example.com:9000' });
      assert.deepEqual(
        remote.warnings.map((w) => w.code),
        ['InsecureHttp'],
      );
    });

    it('refuses custom endpoints that are not usable URLs', () => {
      for (const url of [
        '',
        'not a url',
        'ftp://example.com',
        'https://user:pw@example.com',
        'https://example.com/?x=1',
        'https://example.com/#a',
      ]) {
        assert.throws(() => resolveEndpoint({ kind: 'custom', url }), { code: 'InvalidArgument' }, url);
      }
    });
  });

  describe('R2Client', () => {
    it('refuses empty credentials and bad settings before any request', () => {
      const endpoint = { kind: 'custom', url: 'http://127.0.0.1:1' } as const;
      assert.throws(() => new R2Client({ endpoint, credentials: { accessKeyId: 'a', secretAccessKey: '' } }), {
        code: 'InvalidCredentials',
      });
      assert.throws(
        () => new R2Client({ endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 0 }),
        { code: 'InvalidArgument' },
      );
      assert.throws(
        () => new R2Client({ endpoint, credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, idleTimeoutMs: 1.5 }),
        { code: 'InvalidArgument' },
      );
    });
  });

  describe('names and keys', () => {
    it('applies R2 bucket naming rules', () => {
      for (const good of ['abc', 'a-b-c', '0bucket9', 'x'.repeat(63)]) {
        assert.equal(bucketNameProblem(good), undefined, good);
      }
      for (const bad of ['ab', 'x'.repeat(64), 'Upper', 'under_score', 'dot.ted', '-start', 'end-', 'spa ce']) {
        assert.ok(bucketNameProblem(bad), bad);
      }
    });

    it('accepts keys of 1 to 1024 UTF-8 bytes', () => {
      assert.equal(isValidKey('a'), true);
      assert.equal(isValidKey('é'.repeat(512)), true);
      assert.equal(isValidKey(''), false);
      assert.equal(isValidKey('é'.repeat(513)), false);
      assert.equal(isValidKey('x'.repeat(1025)), false);
    });

    it('encodes copy sources per segment, keeping slashes', () => {
      assert.equal(encodeCopySource('b', 'a b/c+d%e#f?g/ü'), 'b/a%20b/c%2Bd%25e%23f%3Fg/%C3%BC');
      assert.equal(encodeCopySource('b', '/lead//x/'), 'b//lead//x/');
    });

    it('decodes listed keys from both AWS (+ for space) and RGW (%20) url encoding', () => {
      assert.equal(decodeListedKey('a+b%2Bc'), 'a b+c');
      assert.equal(decodeListedKey('a%20b%2Bc'), 'a b+c');
      assert.equal(decodeListedKey('%25%23%3F%C3%BC%01'), '%#?ü\u0001');
    });
  });

  describe('choosePartSize', () => {
    it('keeps the configured size while 10,000 parts suffice', () => {
      assert.equal(choosePartSize(24 * MiB, 5 * MiB), 5 * MiB);
      assert.equal(choosePartSize(8 * MiB * MAX_PARTS, 8 * MiB), 8 * MiB);
    });

    it('grows in whole MiB so that no file needs more than 10,000 parts', () => {
      const size = 8 * MiB * MAX_PARTS + 1;
      const part = choosePartSize(size, 8 * MiB);
      assert.equal(part, 9 * MiB);
      const largest = 5 * 1024 ** 4 - 5 * 1024 ** 3;
      const forLargest = choosePartSize(largest, 5 * MiB);
      assert.equal(forLargest % MiB, 0);
      assert.ok(Math.ceil(largest / forLargest) <= MAX_PARTS);
    });
  });

  describe('classifyError', () => {
    const context = { operation: 'HeadObject', bucket: 'b', key: 'k' };
    const sdkError = (name: string, status: number) =>
      Object.assign(new Error(''), { name, $metadata: { httpStatusCode: status } });

    it('maps S3 error names', () => {
      const cases: Array<[string, number, string]> = [
        ['NoSuchKey', 404, 'NoSuchKey'],
        ['NoSuchBucket', 404, 'NoSuchBucket'],
        ['InvalidAccessKeyId', 403, 'InvalidCredentials'],
        ['SignatureDoesNotMatch', 403, 'InvalidCredentials'],
        ['AccessDenied', 403, 'AccessDenied'],
        ['PreconditionFailed', 412, 'PreconditionFailed'],
        ['BucketNotEmpty', 409, 'BucketNotEmpty'],
        ['BucketAlreadyOwnedByYou', 409, 'BucketAlreadyExists'],
        ['RequestTimeTooSkewed', 403, 'ClockSkew'],
        ['SlowDown', 503, 'Throttled'],
        ['InternalError', 500, 'ServerError'],
        ['NoSuchCORSConfiguration', 404, 'NoSuchConfiguration'],
      ];
      for (const [name, status, code] of cases) {
        assert.equal(classifyError(sdkError(name, status), context).code, code, name);
      }
    });

    it('resolves bodiless HEAD errors by status and context', () => {
      assert.equal(classifyError(sdkError('NotFound', 404), context).code, 'NoSuchKey');
      assert.equal(
        classifyError(sdkError('NotFound', 404), { operation: 'HeadBucket', bucket: 'b' }).code,
        'NoSuchBucket',
      );
      assert.equal(classifyError(sdkError('Forbidden', 403), context).code, 'AccessDenied');
      assert.equal(classifyError(sdkError('Unknown', 412), context).code, 'PreconditionFailed');
      assert.equal(classifyError(sdkError('Unknown', 304), context).code, 'NotModified');
      assert.equal(classifyError(sdkError('Unknown', 502), context).code, 'ServerError');
    });

    it('maps Node network errors, timeouts and aborts, including aggregated connect errors', () => {
      const nodeError = (code: string) => Object.assign(new Error('x'), { code });
      assert.equal(classifyError(nodeError('ECONNREFUSED'), context).code, 'Network');
      assert.equal(classifyError(nodeError('ECONNRESET'), context).code, 'Network');
      assert.equal(classifyError(nodeError('ETIMEDOUT'), context).code, 'Timeout');
      assert.equal(classifyError(new AggregateError([nodeError('ECONNREFUSED')]), context).code, 'Network');
      assert.equal(classifyError(Object.assign(new Error('x'), { name: 'TimeoutError' }), context).code, 'Timeout');
      assert.equal(classifyError(Object.assign(new Error('x'), { name: 'AbortError' }), context).code, 'Cancelled');
      const aborted = new AbortController();
      aborted.abort();
      assert.equal(classifyError(nodeError('ECONNRESET'), context, aborted.signal).code, 'Cancelled');
      assert.equal(classifyError('a string', context).code, 'Unknown');
    });

    it('keeps the original error as cause and does not reuse its message', () => {
      const original = Object.assign(new Error('server said: secret-ish detail'), {
        name: 'AccessDenied',
        $metadata: { httpStatusCode: 403 },
      });
      const error = classifyError(original, context);
      assert.equal(error.cause, original);
      assert.equal(error.status, 403);
      assert.equal(error.operation, 'HeadObject');
      assert.ok(!error.message.includes('secret-ish'));
    });
  });
});

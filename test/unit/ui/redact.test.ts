import { strict as assert } from 'node:assert';
import { redact } from '../../../src/ui/redact';

describe('redact', () => {
  it('removes Authorization headers, signatures and session tokens, keeping the rest', () => {
    const signature = 'a'.repeat(64);
    const text = [
      `Authorization: AWS4-HMAC-SHA256 Credential=AKID/20261125/auto/s3/aws4_request, SignedHeaders=host, Signature=${signature}`,
      `GET https://acc.r2.cloudflarestorage.com/b/k?X-Amz-Credential=AKID&X-Amz-Signature=${signature}&X-Amz-Expires=900`,
      `{"authorization":"AWS4-HMAC-SHA256 secret-bearing"}`,
      'x-amz-security-token: FQoGZXIvYXdzEJr',
    ].join('\n');
    const redacted = redact(text);
    assert.equal(redacted.includes(signature), false);
    assert.equal(redacted.includes('secret-bearing'), false);
    assert.equal(redacted.includes('FQoGZXIvYXdzEJr'), false);
    assert.match(redacted, /X-Amz-Expires=900/);
    assert.match(redacted, /^Authorization: <redacted>/);
  });
});

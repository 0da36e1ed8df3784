import { strict as assert } from 'node:assert';
import { sendsUnencrypted, withWriteAccess } from '../../../src/accounts/account';
import type { Account } from '../../../src/accounts/account';

describe('sendsUnencrypted', () => {
  it('is true for plain http to another machine only', () => {
    const table: ReadonlyArray<[string | undefined, boolean]> = [
      [undefined, false],
      ['https://minio.example.com', false],
      ['http://127.0.0.1:9000', false],
      ['http://localhost:9000', false],
      ['http://[::ffff:127.0.0.1]:9000', false],
      ['http://minio.example.com:9000', true],
      ['HTTP://10.0.0.5', true],
      ['http://0.0.0.0:9000', true],
    ];
    for (const [endpoint, expected] of table) {
      assert.equal(sendsUnencrypted(endpoint), expected, String(endpoint));
    }
  });
});

describe('withWriteAccess', () => {
  const account: Account = { id: 'a', name: 'A', jurisdiction: 'default', accessKeyId: 'AKID' };

  it('marks a token that may not write, drops the mark for one that may, and keeps it when the check could not tell', () => {
    assert.equal(withWriteAccess(account, false).readOnly, true);
    assert.equal(withWriteAccess({ ...account, readOnly: true }, true).readOnly, undefined);
    assert.equal(withWriteAccess({ ...account, readOnly: true }, undefined).readOnly, true);
    assert.equal(withWriteAccess(account, undefined), account);
  });
});

import { strict as assert } from 'node:assert';
import { accountSteps, parseAccountLocation, stepTitle } from '../../../src/accounts/accountInput';

const ID = '0123456789abcdef0123456789abcdef';

describe('parseAccountLocation', () => {
  it('takes a bare account ID, jurisdiction still to ask', () => {
    assert.deepEqual(parseAccountLocation(`  ${ID.toUpperCase()} `), { kind: 'r2', accountId: ID });
  });

  it('reads account ID and jurisdiction from the endpoint the token page shows', () => {
    assert.deepEqual(parseAccountLocation(`https://${ID}.r2.cloudflarestorage.com`), {
      kind: 'r2',
      accountId: ID,
      jurisdiction: 'default',
    });
    assert.deepEqual(parseAccountLocation(`https://${ID}.eu.r2.cloudflarestorage.com/`), {
      kind: 'r2',
      accountId: ID,
      jurisdiction: 'eu',
    });
    assert.deepEqual(parseAccountLocation(`https://${ID}.fedramp.r2.cloudflarestorage.com`), {
      kind: 'r2',
      accountId: ID,
      jurisdiction: 'fedramp',
    });
  });

  it('keeps any other http(s) URL as a custom endpoint, path included', () => {
    assert.deepEqual(parseAccountLocation('http://127.0.0.1:9000'), {
      kind: 'custom',
      endpoint: 'http://127.0.0.1:9000',
    });
    assert.deepEqual(parseAccountLocation('https://s3.example.com/storage/'), {
      kind: 'custom',
      endpoint: 'https://s3.example.com/storage',
    });
  });

  it('refuses what is neither', () => {
    for (const input of ['', 'abc', `${ID}0`, 'ftp://example.com', 'not a url']) {
      assert.equal(parseAccountLocation(input), undefined, input);
    }
  });
});

describe('accountSteps and stepTitle', () => {
  const titles = (location: Parameters<typeof accountSteps>[0]) =>
    accountSteps(location).map((step) => stepTitle('Add', step, location));

  it('counts four steps for an endpoint URL, which names the jurisdiction, and before anything is typed', () => {
    for (const location of [
      undefined,
      parseAccountLocation(`https://${ID}.eu.r2.cloudflarestorage.com`),
      parseAccountLocation('http://127.0.0.1:9000'),
    ]) {
      assert.deepEqual(titles(location), ['Add (1/4)', 'Add (2/4)', 'Add (3/4)', 'Add (4/4)']);
    }
  });

  it('counts five for a bare account ID, whose jurisdiction is asked second', () => {
    const location = parseAccountLocation(ID);
    assert.deepEqual(accountSteps(location), ['location', 'jurisdiction', 'accessKeyId', 'secretAccessKey', 'name']);
    assert.deepEqual(titles(location), ['Add (1/5)', 'Add (2/5)', 'Add (3/5)', 'Add (4/5)', 'Add (5/5)']);
  });
});

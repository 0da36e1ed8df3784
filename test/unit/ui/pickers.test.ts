// The one bucket browser, choosing an object or a folder, against the scripted UI and the test server.
import assert from 'node:assert/strict';
import { pickDestination, pickObject } from '../../../src/ui/pickers';
import { FakeUi } from '../../support/fakeUi';
import { MemoryMemento } from '../../support/memoryStorage';
import { MemoryAccounts, serverAccount } from '../commands/helpers';
import { putMany, useBucket } from '../r2/helpers';

describe('pickers', () => {
  const bucket = useBucket('pickers');
  before(() => putMany(bucket.client, bucket.name, ['top.txt', 'a/one.txt', 'a/b/two.txt']));
  const deps = (ui: FakeUi) => ({
    ui,
    accounts: new MemoryAccounts([serverAccount()]),
    clients: { get: async () => bucket.client },
    state: new MemoryMemento(),
  });

  it('pickObject browses one level at a time, folders first, and goes up', async () => {
    const levels: string[][] = [];
    const labels = (answer: string) => (items: readonly { label: string }[]) => {
      levels.push(items.map((item) => item.label));
      return items.find((item) => item.label === answer);
    };
    const ui = new FakeUi([
      { pick: 'Open', answer: labels('$(folder) a/') },
      { pick: 'Open', answer: labels('$(arrow-up) ..') },
      { pick: 'Open', answer: labels('$(file) top.txt') },
    ]);
    const { object } = await pickObject(deps(ui), 'Open', {
      account: serverAccount(),
      bucket: bucket.name,
      prefix: '',
    });
    ui.assertDone();
    assert.equal(object.key, 'top.txt');
    const typeKey = '$(go-to-file) Type a key…';
    assert.deepEqual(levels, [
      ['$(folder) a/', '$(file) top.txt', typeKey],
      ['$(arrow-up) ..', '$(folder) b/', '$(file) one.txt', typeKey],
      ['$(folder) a/', '$(file) top.txt', typeKey],
    ]);
  });

  it('pickObject opens a typed key, looked up, also one not listed on the page shown', async () => {
    const ui = new FakeUi([
      { pick: 'Open', answer: '$(go-to-file) Type a key…' },
      { input: `Key of the object to open in ${bucket.name}`, answer: 'a/one.txt' },
    ]);
    const { object } = await pickObject(deps(ui), 'Open', {
      account: serverAccount(),
      bucket: bucket.name,
      prefix: '',
    });
    ui.assertDone();
    assert.equal(object.key, 'a/one.txt');
  });

  it('pickDestination shows folders only, with "here" first and "new folder" last, and remembers the choice', async () => {
    let shown: string[] = [];
    const ui = new FakeUi([
      { pick: 'Upload', answer: bucket.name },
      {
        pick: 'Upload',
        answer: (items) => {
          shown = items.map((item) => item.label);
          return items.find((item) => item.label === '$(folder) a/');
        },
      },
      { pick: 'Upload', answer: '$(check) Upload here' },
    ]);
    const services = deps(ui);
    const destination = await pickDestination(services, 'Upload', 'x.txt');
    ui.assertDone();
    assert.deepEqual(shown, ['$(check) Upload here', '$(folder) a/', '$(new-folder) New folder…']);
    assert.deepEqual({ bucket: destination.bucket, prefix: destination.prefix }, { bucket: bucket.name, prefix: 'a/' });
    assert.deepEqual(services.state.get('r2.lastDestination'), {
      accountId: 'test-account',
      bucket: bucket.name,
      prefix: 'a/',
    });
  });
});

import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { headObject, putObject } from '../../../src/r2';
import { addServerAccount, adminClient, child, useBuckets } from '../support/extension';
import { runWithPrompts } from '../support/prompts';

const BUCKET = `properties-${Date.now().toString(36)}`;
const signal = () => AbortSignal.timeout(60_000);

describe('Properties… custom metadata', function () {
  this.timeout(60_000);
  useBuckets(BUCKET);

  before(async () => {
    await putObject(adminClient(), { bucket: BUCKET, key: 'doc.txt', body: 'doc' }, signal());
  });

  it('asks for a metadata name without icon syntax in the title, saying names are stored in lower case', async () => {
    const object = await child(await child(await addServerAccount('Properties'), BUCKET), 'doc.txt');
    // The input boxes' options, as VS Code receives them (the scripted answers come after).
    const window = vscode.window as { showInputBox: typeof vscode.window.showInputBox };
    const boxes: vscode.InputBoxOptions[] = [];
    const prompts = runWithPrompts(
      'r2.properties',
      [object],
      ['$(add) Add custom metadata…', 'Reviewed-By', 'me', undefined],
    );
    const scripted = window.showInputBox;
    window.showInputBox = ((options?: vscode.InputBoxOptions) => {
      boxes.push(options ?? {});
      return scripted(options);
    }) as typeof vscode.window.showInputBox;
    await prompts;
    const [name] = boxes;
    assert.equal(name.title, 'Add Custom Metadata');
    assert.match(name.prompt ?? '', /Names are stored in lower case \(S3 metadata names are case-insensitive\)\./);
    assert.deepEqual((await headObject(adminClient(), { bucket: BUCKET, key: 'doc.txt' }, signal())).metadata, {
      'reviewed-by': 'me',
    });
  });
});

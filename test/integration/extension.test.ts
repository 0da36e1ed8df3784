import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { isVisible, requireWorkbench, screenshot } from './support/workbench';

const EXTENSION_ID = 'r2-explorer.r2-explorer';

interface Manifest {
  contributes: { commands: Array<{ command: string }>; viewsContainers: { activitybar: Array<{ id: string }> } };
}

describe('Extension', () => {
  let extension: vscode.Extension<unknown>;

  before(async () => {
    const found = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(found, `${EXTENSION_ID} is installed in the test host`);
    extension = found;
    await extension.activate();
  });

  it('activates', () => {
    assert.equal(extension.isActive, true);
  });

  it('registers every contributed command, and contributes every registered r2.* command', async () => {
    const contributed = (extension.packageJSON as Manifest).contributes.commands.map((entry) => entry.command).sort();
    const registered = (await vscode.commands.getCommands(true)).filter((id) => id.startsWith('r2.')).sort();
    assert.deepEqual(registered, contributed);
    assert.ok(contributed.length > 0);
  });

  it('opens its view container and shows the welcome view while no account is configured', async function () {
    requireWorkbench(this);
    const container = (extension.packageJSON as Manifest).contributes.viewsContainers.activitybar[0].id;
    await vscode.commands.executeCommand(`workbench.view.extension.${container}`);
    assert.equal(
      await isVisible({ selector: '.part.sidebar .title-label h2:has-text("R2 Explorer")' }),
      true,
      'the R2 Explorer container is shown',
    );
    assert.equal(
      await isVisible({ selector: '.part.sidebar .welcome-view-content :text("Add R2 Account")' }),
      true,
      'the welcome button is shown',
    );
    await screenshot('welcome-view');
  });
});

import { downloadTo } from '../operations';
import type { DownloadSource } from '../operations';
import { isListingNode, isObjectNode } from '../tree/nodeKinds';
import { selectedNodes } from '../tree/selection';
import { ModalAsker } from '../ui/asker';
import { messages } from '../ui/messages';
import { presentOutcome } from '../ui/outcomePresenter';
import { withReporter } from '../ui/progressReporter';
import { pickLocalFolder } from '../ui/prompts';
import type { Services } from './services';

/** Downloads the selected objects and folders (from the tree, or its selection from the palette). */
export async function download(services: Services, node?: unknown, selection?: unknown): Promise<void> {
  const sources: DownloadSource[] = selectedNodes(node, selection, services.view.selection).flatMap(
    (selected): DownloadSource[] => {
      if (isObjectNode(selected)) {
        return [
          {
            kind: 'object',
            account: selected.account,
            bucket: selected.bucket,
            key: selected.key,
            size: selected.object.size,
          },
        ];
      }
      if (isListingNode(selected)) {
        return [{ kind: 'folder', account: selected.account, bucket: selected.bucket, prefix: selected.prefix }];
      }
      return [];
    },
  );
  if (sources.length === 0) {
    void services.ui.showMessage('info', messages.selectInView);
    return;
  }
  const folder = await pickLocalFolder(services.ui, 'Download from R2');
  await downloadInto(services, folder.fsPath, sources);
}

async function downloadInto(services: Services, folder: string, sources: readonly DownloadSource[]): Promise<void> {
  const { ui } = services;
  const input = { clients: services.clients, folder, sources };
  const outcome = await withReporter(ui, messages.downloading(folder), (signal, reporter) =>
    downloadTo(input, signal, new ModalAsker(ui), reporter),
  );
  await presentOutcome(services, outcome, {
    verb: 'downloaded',
    describe: (item) => `${item.bucket}/${item.key}`,
    accountOf: (item) => item.account.id,
    // Each failed object again, to the file planned for it.
    retryFailed: (failed) =>
      downloadInto(
        services,
        folder,
        failed.map((item) => ({ kind: 'object', ...item })),
      ),
    single: [{ title: messages.revealFileAction, run: () => ui.revealFile(outcome.done[0].path) }],
  });
}

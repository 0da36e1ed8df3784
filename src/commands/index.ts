import * as vscode from 'vscode';
import { isR2Error } from '../r2';
import { presentFailure } from '../ui/outcomePresenter';
import { UserCancelled } from '../ui/userInterface';
import { addAccount } from './addAccount';
import { changeStorageClassCommand } from './changeStorageClass';
import { copyKey, cut } from './copyKey';
import { copyS3Uri } from './copyS3Uri';
import { copyTo } from './copyTo';
import { createBucket } from './createBucket';
import { deleteCommand } from './delete';
import { deleteBucket } from './deleteBucket';
import { download } from './download';
import { newFolder } from './newFolder';
import { properties } from './properties';
import { rename } from './rename';
import { saveBucketConfig } from './saveBucketConfig';
import { upload } from './upload';
import { uploadActiveFile } from './uploadActiveFile';
import { compareWith } from './compareWith';
import { copyPresignedUrl } from './copyPresignedUrl';
import { copyPublicUrl } from './copyPublicUrl';
import { editCorsRules } from './editCorsRules';
import { editLifecycleRules } from './editLifecycleRules';
import { openInBrowser } from './openInBrowser';
import { openInExplorer } from './openInExplorer';
import { openObject } from './openObject';
import { moveInto, paste } from './paste';
import { pasteImage } from './pasteImage';
import { openPin, pin, unpin } from './pins';
import { openToSide } from './openToSide';
import { addBucketByName } from './addBucketByName';
import { cleanUpIncompleteUploads } from './cleanUpIncompleteUploads';
import { clearFilter } from './clearFilter';
import { editAccount } from './editAccount';
import { filter } from './filter';
import { findKeys } from './findKeys';
import { goToKey } from './goToKey';
import { importAwsProfile } from './importAwsProfile';
import { loadMore } from './loadMore';
import { refresh } from './refresh';
import { removeAccount } from './removeAccount';
import { removeBucketFromList } from './removeBucketFromList';
import { renameAccount } from './renameAccount';
import type { Services } from './services';
import { setPublicBaseUrl } from './setPublicBaseUrl';
import { runSavedSync } from './runSavedSync';
import { syncLocalToR2 } from './syncLocalToR2';
import { syncR2ToLocal } from './syncR2ToLocal';

type Handler = (services: Services, ...args: never[]) => unknown;

// Every command id and its handler; package.json's contributes.commands lists the same ids
// (an integration test checks both directions).
const COMMANDS: Record<string, Handler> = {
  'r2.addAccount': addAccount,
  'r2.editAccount': editAccount,
  'r2.renameAccount': renameAccount,
  'r2.removeAccount': removeAccount,
  'r2.importAwsProfile': importAwsProfile,
  'r2.addBucketByName': addBucketByName,
  'r2.removeBucketFromList': removeBucketFromList,
  'r2.setPublicBaseUrl': setPublicBaseUrl,
  'r2.refresh': refresh,
  'r2.loadMore': loadMore,
  'r2.filter': filter,
  'r2.clearFilter': clearFilter,
  'r2.goToKey': goToKey,
  'r2.findKeys': findKeys,
  'r2.openInExplorer': openInExplorer,
  'r2.openInBrowser': openInBrowser,
  'r2.pin': pin,
  'r2.unpin': unpin,
  'r2.openPin': openPin,
  'r2.cut': cut,
  'r2.paste': paste,
  'r2.pasteImage': pasteImage,
  'r2.moveInto': moveInto,
  'r2.saveBucketConfig': saveBucketConfig,
  'r2.upload': upload,
  'r2.uploadActiveFile': uploadActiveFile,
  'r2.download': download,
  'r2.delete': deleteCommand,
  'r2.newFolder': newFolder,
  'r2.rename': rename,
  'r2.copyTo': copyTo,
  'r2.changeStorageClass': changeStorageClassCommand,
  'r2.copyKey': copyKey,
  'r2.copyS3Uri': copyS3Uri,
  'r2.createBucket': createBucket,
  'r2.deleteBucket': deleteBucket,
  'r2.properties': properties,
  'r2.openObject': openObject,
  'r2.openToSide': openToSide,
  'r2.compareWith': compareWith,
  'r2.copyPresignedUrl': copyPresignedUrl,
  'r2.copyPublicUrl': copyPublicUrl,
  'r2.editCorsRules': editCorsRules,
  'r2.editLifecycleRules': editLifecycleRules,
  'r2.cleanUpIncompleteUploads': cleanUpIncompleteUploads,
  'r2.syncLocalToR2': syncLocalToR2,
  'r2.syncR2ToLocal': syncR2ToLocal,
  'r2.runSavedSync': runSavedSync,
};

function isCancellation(error: unknown): boolean {
  return error instanceof UserCancelled || error instanceof vscode.CancellationError || isR2Error(error, 'Cancelled');
}

/**
 * The one place commands fail: cancellation is silent; anything else is logged in full (redacted)
 * and shown once, with at most two actions: the next step and the log.
 */
function register(id: string, handler: Handler, services: Services): vscode.Disposable {
  const run = async (...args: never[]): Promise<unknown> => {
    try {
      return await handler(services, ...args);
    } catch (error) {
      if (isCancellation(error)) {
        return undefined;
      }
      return (await presentFailure(services, id, error)) === 'retry' ? run(...args) : undefined;
    }
  };
  return vscode.commands.registerCommand(id, run);
}

export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, handler]) => register(id, handler, services));
}

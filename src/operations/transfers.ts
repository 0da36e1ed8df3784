// Where one file's bytes move between the disk and R2. Operations decide what to transfer and ask
// this port to move the bytes; the extension moves large files in a worker thread of its own
// (src/transfers), where the host's main thread and its garbage collector are not in the way.
import type { Account } from '../accounts/account';
import { downloadFile, uploadFile } from '../r2';
import type { DownloadFileInput, R2Client, UploadFileInput } from '../r2';
import type { Clients } from './clients';

/** One account's file transfers: downloadFile and uploadFile, told the size so they can choose where to run. */
export interface FileTransfers {
  download(input: DownloadFileInput, size: number, signal: AbortSignal): Promise<void>;
  upload(input: UploadFileInput, size: number, signal: AbortSignal): Promise<void>;
}

/** In this thread, with the account's client. */
export function inThisThread(client: R2Client): FileTransfers {
  return {
    download: async (input, _size, signal) => {
      await downloadFile(client, input, signal);
    },
    upload: async (input, _size, signal) => {
      await uploadFile(client, input, signal);
    },
  };
}

/** How the clients move an account's files; in this thread when they say nothing. */
export function transfersOf(clients: Clients, account: Account, client: R2Client): FileTransfers {
  return clients.transfers?.(account, client) ?? inThisThread(client);
}

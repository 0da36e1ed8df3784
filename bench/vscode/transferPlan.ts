// What the runner asks of a 'transfers' session (SESSION_ENV.transfers, as JSON) and what the
// session reports for each transfer.
import type { RequestCounts } from '../localServer';
import type { Command } from '../measure';

export type TransferKind = 'upload' | 'download' | 'folder';

export interface TransferPlan {
  /** The account's endpoint: the server itself (loopback) or the link proxy in front of it. */
  endpoint: string;
  /** A local file, uploaded to the bucket's root under its own name. */
  uploadFile: string;
  /** An object at the bucket's root, downloaded into `downloadFolder` under its own name. */
  downloadKey: string;
  downloadFolder: string;
  /** A local folder, uploaded to the bucket's root under its own name. */
  uploadFolder: string;
  /** Each transfer by the worker (to other keys and files), run just before the command: same load, VS Code open. */
  workers: Record<TransferKind, Command>;
  /** Each worker's arguments (to other keys and files again) for its operation run inside the extension host. */
  inHost: Record<TransferKind, string[]>;
  /** The files the three downloads write (the worker's, the operation's in the host, the command's). */
  downloadFiles: Record<TransferRunner, string>;
  /** Only the local server counts requests. */
  countRequests: boolean;
}

/** Who runs a transfer: the worker process, its operation in the extension host, or the command. */
export type TransferRunner = 'worker' | 'inHost' | 'command';

export interface TransferTiming {
  kind: TransferKind;
  /** From executeCommand to the command's end, its summary message answered at once. */
  ms: number;
  /** The extension host's CPU time (user + system) meanwhile: the extension's, and VS Code's own. */
  cpuMs: number;
  requests?: RequestCounts;
  /** TCP connections the extension host opened meanwhile: fewer than requests when they are reused. */
  connections: number;
  /** The worker just before: the operation's own time (no process start-up), its process's CPU. */
  worker: { operationMs: number; cpuMs: number };
  /** The worker's operation inside the extension host, just before the command: its time and CPU. */
  inHost: { ms: number; cpuMs: number };
  /** A download's file sizes, read (and the files removed) as each of the three ended. */
  downloaded?: Record<TransferRunner, number>;
}

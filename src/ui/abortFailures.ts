import type * as vscode from 'vscode';
import type { AbortFailure } from '../r2';
import { messages } from './messages';
import { redact } from './redact';
import type { UserInterface } from './userInterface';

/**
 * Told by the R2 clients of every multipart upload whose abort failed (after the upload failed or
 * was cancelled): its parts stay stored and billed, R2 removes them only after days and other S3
 * servers never. Each is logged; the user is told once per bucket while that warning is open (a
 * cancelled folder upload can leave many) and offered Clean Up Incomplete Uploads….
 */
export class AbortFailureReporter {
  readonly #warned = new Set<string>();

  constructor(
    private readonly ui: UserInterface,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  readonly report = ({ bucket, key, uploadId, error }: AbortFailure): void => {
    this.log.warn(
      `Multipart upload ${uploadId} of "${key}" in bucket "${bucket}" could not be aborted: ${redact(error.message)}`,
    );
    if (this.#warned.has(bucket)) {
      return;
    }
    this.#warned.add(bucket);
    void this.ui
      .showMessage('warning', messages.partsLeft(key, bucket), messages.cleanUpUploadsAction)
      .then((choice) =>
        choice === messages.cleanUpUploadsAction ? this.ui.executeCommand('r2.cleanUpIncompleteUploads') : undefined,
      )
      .finally(() => this.#warned.delete(bucket));
  };
}

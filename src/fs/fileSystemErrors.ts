import * as vscode from 'vscode';
import { isR2Error } from '../r2';
import { messages } from '../ui/messages';

/**
 * An R2 failure as the FileSystemError kind VS Code understands: editors then show their own
 * "not found", "no permissions" or "unavailable" states. Providers never show messages themselves.
 */
export function toFileSystemError(error: unknown, uri: vscode.Uri): vscode.FileSystemError {
  if (error instanceof vscode.FileSystemError) {
    return error;
  }
  if (!isR2Error(error)) {
    return new vscode.FileSystemError(error instanceof Error ? error.message : String(error));
  }
  switch (error.code) {
    case 'NoSuchKey':
    case 'NoSuchBucket':
    case 'NoSuchConfiguration':
      return vscode.FileSystemError.FileNotFound(uri);
    case 'AccessDenied':
    case 'InvalidCredentials':
      return vscode.FileSystemError.NoPermissions(error.message);
    case 'Network':
    case 'Timeout':
    case 'ServerError':
    case 'Throttled':
    case 'ClockSkew':
      return vscode.FileSystemError.Unavailable(error.message);
    default:
      return new vscode.FileSystemError(error.message);
  }
}

/**
 * Why a save was refused, for VS Code to show. Every write error reaches the user as "Failed to
 * save '<name>': Unable to write file '<uri>' (<the error as text>)", and a FileSystemError's text
 * begins with its kind: "Unknown (FileSystemError): …", noise that is the same for every refusal
 * here. An error without a name is its message alone. Only saves throw it: the kind steers nothing
 * in VS Code's save of a document that is not on disk (no "Retry as Sudo", no conflict editor).
 */
export function saveRefusal(reason: string): Error {
  const error = new Error(reason);
  error.name = '';
  return error;
}

/** A refused write of bucket settings: what R2 said, and that nothing changed. */
export function configWriteRefusal(error: unknown, what: string, bucket: string): Error {
  if (isR2Error(error, 'AccessDenied')) {
    return saveRefusal(messages.configDenied(what, bucket));
  }
  return saveRefusal(messages.configRefused(error instanceof Error ? error.message : String(error)));
}

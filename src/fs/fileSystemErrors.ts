import * as vscode from 'vscode';
import { isR2Error } from '../r2';

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

import * as vscode from 'vscode';

/** The scheme of R2 objects opened in editors: `r2://<account entry id>/<bucket>/<key>`. */
export const R2_SCHEME = 'r2';

export interface R2Location {
  /** Id of the account entry in the account store (not the Cloudflare account ID). */
  readonly accountId: string;
  readonly bucket: string;
  /** The key exactly as stored: any character, `//`, leading or trailing `/` included. */
  readonly key: string;
}

/**
 * The key is the rest of the path after `/<bucket>/`, kept verbatim: Uri.from never normalizes a
 * path, and Uri.toString percent-encodes `#`, `?`, spaces and unicode, so every key round-trips.
 */
export function toR2Uri(location: R2Location): vscode.Uri {
  return vscode.Uri.from({
    scheme: R2_SCHEME,
    authority: location.accountId,
    path: `/${location.bucket}/${location.key}`,
  });
}

export function fromR2Uri(uri: vscode.Uri): R2Location {
  const path = uri.path.slice(1);
  const slash = path.indexOf('/');
  return slash < 0
    ? { accountId: uri.authority, bucket: path, key: '' }
    : { accountId: uri.authority, bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}

// The object a command acts on, from wherever it was run: a node of the R2 view, an r2: URI (an
// editor's title or tab), the active r2: editor, or else one picked by browsing. Shared by the
// open, compare and link commands; not a command itself.
import * as vscode from 'vscode';
import type { Account } from '../accounts/account';
import { openCautions } from '../fs/openPolicy';
import { fromR2Uri, R2_SCHEME, toR2Uri } from '../fs/r2Uri';
import { baseName, headObject } from '../r2';
import { isObjectNode } from '../tree/nodeKinds';
import type { ObjectNode } from '../tree/objectNode';
import { formatBytes } from '../ui/format';
import { messages } from '../ui/messages';
import { pickObject } from '../ui/pickers';
import type { Services } from './services';

export interface ObjectTarget {
  readonly account: Account;
  readonly bucket: string;
  readonly key: string;
  readonly uri: vscode.Uri;
  /** Size and storage class, when a listing or HEAD already told them. */
  readonly object?: { readonly size: number; readonly storageClass?: string };
  readonly node?: ObjectNode;
}

/** The r2: URI of the active editor (or its tab: images and other custom editors), if any. */
function activeR2Uri({ ui }: Services): vscode.Uri | undefined {
  const uri = ui.activeResource();
  return uri?.scheme === R2_SCHEME ? uri : undefined;
}

function fromUri({ accounts }: Services, uri: vscode.Uri): ObjectTarget {
  const location = fromR2Uri(uri);
  const account = accounts.get(location.accountId);
  if (!account || location.bucket === '' || location.key === '' || location.key.endsWith('/')) {
    throw new Error(messages.notAnObject(uri.toString(true)));
  }
  return { account, bucket: location.bucket, key: location.key, uri };
}

/**
 * Resolves the command's argument. With none, the active r2: editor counts when `useActiveEditor`
 * is set; otherwise the user browses for an object.
 */
export async function objectTarget(
  services: Services,
  arg: unknown,
  title: string,
  { useActiveEditor = false } = {},
): Promise<ObjectTarget> {
  if (isObjectNode(arg)) {
    return { account: arg.account, bucket: arg.bucket, key: arg.key, uri: arg.uri, object: arg.object, node: arg };
  }
  if (arg instanceof vscode.Uri && arg.scheme === R2_SCHEME) {
    return fromUri(services, arg);
  }
  const active = useActiveEditor ? activeR2Uri(services) : undefined;
  if (active) {
    return fromUri(services, active);
  }
  const { account, bucket, object } = await pickObject(services, title);
  return { account, bucket, key: object.key, uri: toR2Uri({ accountId: account.id, bucket, key: object.key }), object };
}

/**
 * Asks first when the object is large or in InfrequentAccess storage; "Download Instead" hands the
 * object to r2.download. Resolves to false when the user chose not to open it.
 */
export async function confirmOpen(services: Services, target: ObjectTarget): Promise<boolean> {
  let object = target.object;
  if (object === undefined) {
    const client = await services.clients.get(target.account);
    object = await headObject(client, target, client.deadline());
  }
  const cautions = openCautions(object);
  if (!cautions) {
    return true;
  }
  const name = baseName(target.key) || target.key;
  const reasons = [
    cautions.tooLarge
      ? messages.openLargeObject(name, formatBytes(object.size), services.settings.get('openSizeLimitMB', 50))
      : undefined,
    cautions.infrequentAccess ? messages.openInfrequentAccess(name, formatBytes(object.size)) : undefined,
  ].filter((reason): reason is string => reason !== undefined);
  const choice = await services.ui.showModal(
    reasons.join(' '),
    messages.openAnywayAction,
    messages.downloadInsteadAction,
  );
  if (choice === messages.downloadInsteadAction) {
    const node = target.node ?? (await services.explorer.findKey(target.account.id, target.bucket, target.key));
    await services.ui.executeCommand('r2.download', node);
  }
  return choice === messages.openAnywayAction;
}

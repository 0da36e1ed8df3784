import type * as vscode from 'vscode';
import { updateProperties } from '../operations';
import type { PropertyEdit, SystemField } from '../operations';
import { headObject } from '../r2';
import type { R2ObjectHead } from '../r2';
import { isObjectNode } from '../tree/nodeKinds';
import { formatBytes } from '../ui/format';
import { messages } from '../ui/messages';
import { ask, pick } from '../ui/prompts';
import type { Services } from './services';

interface Row extends vscode.QuickPickItem {
  /** A system field to edit, a metadata name to edit, 'add' for new metadata, or nothing (copy the value). */
  readonly edit?: SystemField | { metadata: string } | 'add';
  readonly value?: string;
}

function rows(head: R2ObjectHead): Row[] {
  const field = (label: string, value: string | undefined, edit?: SystemField): Row => ({
    label,
    description: value ?? '—',
    value,
    edit,
    detail: edit ? messages.clickToEdit : undefined,
  });
  return [
    { label: 'Key', description: head.key, value: head.key },
    {
      label: 'Size',
      description: `${formatBytes(head.size)} (${head.size.toLocaleString('en')} bytes)`,
      value: String(head.size),
    },
    { label: 'Last modified', description: head.lastModified.toISOString(), value: head.lastModified.toISOString() },
    { label: 'ETag', description: head.etag, value: head.etag },
    { label: 'Storage class', description: head.storageClass ?? 'STANDARD', value: head.storageClass ?? 'STANDARD' },
    field('Content-Type', head.contentType, 'contentType'),
    field('Cache-Control', head.cacheControl, 'cacheControl'),
    field('Content-Disposition', head.contentDisposition, 'contentDisposition'),
    field('Content-Encoding', head.contentEncoding, 'contentEncoding'),
    ...Object.entries(head.metadata).map(([name, value]): Row => ({
      label: `x-amz-meta-${name}`,
      description: value,
      value,
      edit: { metadata: name },
      detail: messages.clickToEdit,
    })),
    { label: messages.addMetadata, edit: 'add', alwaysShow: true },
  ];
}

/**
 * Shows an object's properties; system fields and custom metadata can be edited (CopyObject onto
 * itself with REPLACE, bound to the ETag shown so a concurrent change is not overwritten).
 */
export async function properties(services: Services, node?: unknown): Promise<void> {
  if (!isObjectNode(node)) {
    return;
  }
  const { ui } = services;
  const client = await services.clients.get(node.account);
  const { bucket } = node;
  for (;;) {
    const head = await headObject(client, { bucket, key: node.key }, client.deadline());
    const row = await pick(ui, rows(head), {
      title: messages.propertiesTitle(node.key),
      placeHolder: messages.propertiesPlaceholder,
    });
    if (row.edit === undefined) {
      await ui.writeClipboard(row.value ?? '');
      return;
    }
    let edit: PropertyEdit;
    if (row.edit === 'add') {
      const name = await ask(ui, {
        title: messages.addMetadataTitle,
        prompt: messages.metadataNamePrompt,
        validateInput: (value) => (/^[a-z0-9-_.]+$/i.test(value.trim()) ? undefined : messages.metadataNameInvalid),
      });
      edit = {
        metadata: name,
        value: await ask(ui, {
          title: `x-amz-meta-${name.toLowerCase()}`,
          prompt: messages.metadataValuePrompt,
          validateInput: () => undefined,
        }),
      };
    } else if (typeof row.edit === 'object') {
      edit = {
        metadata: row.edit.metadata,
        value: await ask(ui, {
          title: row.label,
          prompt: messages.metadataValuePrompt,
          value: row.value,
          validateInput: () => undefined,
        }),
      };
    } else {
      edit = {
        field: row.edit,
        value: await ask(ui, {
          title: row.label,
          prompt: messages.fieldValuePrompt(row.label),
          value: row.value,
          validateInput: () => undefined,
        }),
      };
    }
    await updateProperties({ client, bucket, head, edit }, client.deadline());
  }
}

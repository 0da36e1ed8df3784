// Changing an object's system fields and custom metadata: the work of r2.properties, with no screen.
import { updateMetadata } from '../r2';
import type { R2Client, R2ObjectHead } from '../r2';
import { outcomeOf } from './outcome';
import type { Outcome } from './outcome';

export type SystemField = 'contentType' | 'cacheControl' | 'contentDisposition' | 'contentEncoding';

/** One change: a system field, or custom metadata (`x-amz-meta-<name>`). An empty value removes it. */
export type PropertyEdit =
  { readonly field: SystemField; readonly value: string } | { readonly metadata: string; readonly value: string };

export interface PropertiesInput {
  readonly client: R2Client;
  readonly bucket: string;
  /** The object as the user saw it (HEAD): the change applies to that version only. */
  readonly head: R2ObjectHead;
  readonly edit: PropertyEdit;
}

/**
 * Applies one edit by copying the object onto itself with the new properties (REPLACE), bound to the
 * ETag shown, so a change made meanwhile by someone else is not overwritten (PreconditionFailed).
 */
export async function updateProperties(input: PropertiesInput, signal: AbortSignal): Promise<Outcome<string>> {
  const { head, edit } = input;
  const next = {
    contentType: head.contentType,
    cacheControl: head.cacheControl,
    contentDisposition: head.contentDisposition,
    contentEncoding: head.contentEncoding,
    metadata: { ...head.metadata },
    storageClass: head.storageClass,
  };
  const value = edit.value === '' ? undefined : edit.value;
  if ('field' in edit) {
    next[edit.field] = value;
  } else if (value === undefined) {
    delete next.metadata[edit.metadata.toLowerCase()];
  } else {
    // Names travel as x-amz-meta-<name> headers, which S3 and R2 keep in lower case.
    next.metadata[edit.metadata.toLowerCase()] = value;
  }
  await updateMetadata(input.client, { bucket: input.bucket, key: head.key, ...next, ifMatch: head.etag }, signal);
  return outcomeOf({ done: [head.key] });
}

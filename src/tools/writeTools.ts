// Tools that change R2. VS Code asks the user before each runs (the confirmation names account,
// bucket, keys and what happens), and each write is as safe as the same command in the view: create
// only unless an overwrite was asked for and confirmed, replace only the version the agent read.
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  answering,
  contentTypeFor,
  DEFAULT_CONTENT_TYPE,
  copyObjects,
  deletePlanned,
  planObjects,
  renameObject,
  silentReporter,
  uploadFiles,
} from '../operations';
import type { Outcome } from '../operations';
import { baseName, headObject, parentPrefix, putObject } from '../r2';
import { messages } from '../ui/messages';
import type { AgentTool, ToolServices } from './agentTool';
import { asJson, ToolInputError } from './agentTool';
import type { BucketInput, ObjectInput } from './toolInputs';
import { checkBucket, checkKey, objectTarget, resolveAccount } from './toolInputs';

/** Objects one r2_deleteObjects call may delete: one DeleteObjects request, a list a person can read. */
const MAX_DELETE_KEYS = 1000;
const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** The first failure of a one-item outcome, thrown so the tool answers with its cause. */
function throwFailure(outcome: Outcome<unknown>): void {
  const [failure] = outcome.failed;
  if (failure) {
    throw failure.error;
  }
}

export interface UploadFileInput extends ObjectInput {
  /** A file in the workspace: relative to the first workspace folder, or absolute inside one. */
  readonly path: string;
  readonly overwrite?: boolean;
}

/** The real path of a file inside a workspace folder; links out of the workspace are refused too. */
async function workspaceFile(services: ToolServices, path: string): Promise<{ path: string; size: number }> {
  const folders = services.workspaceFolders();
  if (folders.length === 0) {
    throw new ToolInputError('No folder is open in VS Code: only files in the workspace can be uploaded.');
  }
  const absolute = isAbsolute(path) ? path : resolve(folders[0], path);
  const real = await realpath(absolute).catch(() => {
    throw new ToolInputError(`There is no file "${path}" in the workspace.`);
  });
  const roots = await Promise.all(folders.map((folder) => realpath(folder).catch(() => folder)));
  const inside = roots.some((root) => {
    const below = relative(root, real);
    return below !== '' && !below.startsWith(`..${sep}`) && below !== '..' && !isAbsolute(below);
  });
  if (!inside) {
    throw new ToolInputError(
      `"${path}" is outside the workspace folders: only files in the workspace can be uploaded.`,
    );
  }
  const facts = await stat(real);
  if (!facts.isFile()) {
    throw new ToolInputError(`"${path}" is not a file.`);
  }
  return { path: real, size: facts.size };
}

export const uploadFileTool: AgentTool<UploadFileInput> = {
  name: 'r2_uploadFile',
  invocationMessage: (input) => `Uploading ${input.path} to ${input.bucket}/${input.key}`,
  confirmation: (input, services) =>
    messages.toolUploadConfirmation({
      account: resolveAccount(services, input.account).name,
      bucket: input.bucket,
      key: input.key,
      path: input.path,
      overwrite: input.overwrite === true,
    }),
  async run(input, services, signal) {
    const { account, bucket, key } = objectTarget(services, input);
    const file = await workspaceFile(services, input.path);
    const outcome = await uploadFiles(
      {
        clients: services.clients,
        destination: { account, bucket, prefix: parentPrefix(key) },
        files: [{ path: file.path, relativeKey: baseName(key), size: file.size }],
        concurrency: 1,
      },
      signal,
      // The user confirmed an overwrite, or none: the key is then created only while it is free.
      answering(input.overwrite === true ? 'overwrite' : 'skip'),
      silentReporter,
    );
    throwFailure(outcome);
    if (outcome.skipped.length > 0) {
      throw new ToolInputError(
        `"${key}" already exists in bucket "${bucket}"; nothing was uploaded. To replace it, call again with "overwrite": true (the user is asked to confirm), or choose another key.`,
      );
    }
    return asJson({ uploaded: { bucket, key, size: file.size } });
  },
};

/** The key's type by its extension; text it is, whatever the name, when the extension says nothing. */
function textContentType(key: string): string {
  const type = contentTypeFor(baseName(key));
  return type === DEFAULT_CONTENT_TYPE ? 'text/plain; charset=utf-8' : type;
}

export interface WriteTextInput extends ObjectInput {
  readonly text: string;
  /** The etag read with the object: the write replaces that version only. Absent: create only. */
  readonly ifMatch?: string;
  readonly contentType?: string;
}

export const writeTextTool: AgentTool<WriteTextInput> = {
  name: 'r2_writeObjectText',
  invocationMessage: (input) => `Writing ${input.bucket}/${input.key}`,
  confirmation: (input, services) =>
    messages.toolWriteConfirmation({
      account: resolveAccount(services, input.account).name,
      bucket: input.bucket,
      key: input.key,
      bytes: Buffer.byteLength(input.text, 'utf8'),
      replaces: input.ifMatch,
    }),
  async run(input, services, signal) {
    const { account, bucket, key } = objectTarget(services, input);
    const body = Buffer.from(input.text, 'utf8');
    if (body.length > MAX_TEXT_BYTES) {
      throw new ToolInputError('"text" is over 5 MiB: upload a file from the workspace with r2_uploadFile instead.');
    }
    const { etag } = await putObject(
      await services.clients.get(account),
      {
        bucket,
        key,
        body,
        contentType: input.contentType ?? textContentType(key),
        ...(input.ifMatch === undefined ? { ifNoneMatch: '*' as const } : { ifMatch: input.ifMatch }),
      },
      signal,
    );
    return asJson({ written: { bucket, key, etag, size: body.length } });
  },
};

export interface DeleteObjectsInput extends BucketInput {
  readonly keys: readonly string[];
}

export const deleteObjectsTool: AgentTool<DeleteObjectsInput> = {
  name: 'r2_deleteObjects',
  invocationMessage: (input) => `Deleting ${input.keys.length} object(s) from ${input.bucket}`,
  confirmation: (input, services) =>
    messages.toolDeleteConfirmation({
      account: resolveAccount(services, input.account).name,
      bucket: input.bucket,
      keys: input.keys,
    }),
  async run(input, services, signal) {
    const account = resolveAccount(services, input.account);
    const bucket = checkBucket(input.bucket);
    if (input.keys.length === 0 || input.keys.length > MAX_DELETE_KEYS) {
      throw new ToolInputError(`"keys" must list 1 to ${MAX_DELETE_KEYS.toLocaleString('en')} keys.`);
    }
    const keys = input.keys.map((key) => checkKey(key, 'keys'));
    const outcome = await deletePlanned(
      services.clients,
      planObjects(keys.map((key) => ({ account, bucket, key }))),
      signal,
      silentReporter,
    );
    return asJson({
      bucket,
      deleted: outcome.done.map((object) => object.key),
      failed: outcome.failed.map((failure) => ({ key: failure.item.key, reason: failure.message })),
    });
  },
};

export interface CopyObjectToolInput extends ObjectInput {
  /** Another bucket of the same account; absent: the same bucket. */
  readonly toBucket?: string;
  readonly toKey: string;
  /** Delete the source once copied (within one bucket only). */
  readonly move?: boolean;
  readonly overwrite?: boolean;
}

export const copyObjectTool: AgentTool<CopyObjectToolInput> = {
  name: 'r2_copyObject',
  invocationMessage: (input) => `${input.move === true ? 'Moving' : 'Copying'} ${input.bucket}/${input.key}`,
  confirmation: (input, services) =>
    messages.toolCopyConfirmation({
      account: resolveAccount(services, input.account).name,
      from: `${input.bucket}/${input.key}`,
      to: `${input.toBucket ?? input.bucket}/${input.toKey}`,
      move: input.move === true,
      overwrite: input.overwrite === true,
    }),
  async run(input, services, signal) {
    const { account, bucket, key } = objectTarget(services, input);
    const toBucket = checkBucket(input.toBucket ?? bucket);
    const toKey = checkKey(input.toKey, 'toKey');
    if (input.move === true && toBucket !== bucket) {
      throw new ToolInputError('"move" works within one bucket: copy to the other bucket, then delete the source.');
    }
    const asker = answering(input.overwrite === true ? 'overwrite' : 'skip');
    // Bound to the version there now: a source changed during the copy fails instead.
    const { etag } = await headObject(await services.clients.get(account), { bucket, key }, signal);
    const source = { account, bucket, key, etag, relativeKey: baseName(toKey) };
    const outcome =
      input.move === true
        ? await renameObject({ clients: services.clients, object: source, newKey: toKey }, signal, asker)
        : await copyObjects(
            {
              clients: services.clients,
              objects: [source],
              destination: { account, bucket: toBucket, prefix: parentPrefix(toKey) },
            },
            signal,
            asker,
            silentReporter,
          );
    throwFailure(outcome);
    if (outcome.skipped.length > 0) {
      throw new ToolInputError(
        `"${toKey}" already exists in bucket "${toBucket}"; nothing was copied. To replace it, call again with "overwrite": true (the user is asked to confirm).`,
      );
    }
    return asJson({
      [input.move === true ? 'moved' : 'copied']: { from: { bucket, key }, to: { bucket: toBucket, key: toKey } },
    });
  },
};

// Tools that only read: no confirmation. Each answers with JSON holding what was asked and what it
// cost where a listing is involved (ListObjectsV2 and ListBuckets are class A operations on R2).
import { accountBuckets, findKeysInBuckets } from '../operations';
import { getObjectBytes, headObject, listPage, MAX_PAGE_SIZE, presignUrl } from '../r2';
import type { AgentTool } from './agentTool';
import { asJson, ToolInputError } from './agentTool';
import type { AccountInput, BucketInput, ObjectInput } from './toolInputs';
import { checkBucket, checkCount, checkPrefix, objectTarget, resolveAccount } from './toolInputs';

/** Default keys per r2_listObjects answer: enough to see a folder, small enough for a model's context. */
const DEFAULT_LIST_KEYS = 100;
const DEFAULT_READ_BYTES = 64 * 1024;
const MAX_READ_BYTES = 1024 * 1024;
const DEFAULT_LINK_MINUTES = 15;
/** An agent's link lives at most a day; the user can make longer ones with Copy Presigned URL…. */
const MAX_LINK_MINUTES = 24 * 60;

const SCOPED_TOKEN_NOTE =
  'This token may not list buckets (it is limited to some buckets); shown are the buckets the user added by name.';

export const listBucketsTool: AgentTool<AccountInput> = {
  name: 'r2_listBuckets',
  invocationMessage: (input) => `Listing R2 buckets${input.account ? ` of ${input.account}` : ''}`,
  async run(input, services, signal) {
    const accounts = input.account ? [resolveAccount(services, input.account)] : services.accounts.list();
    if (accounts.length === 0) {
      resolveAccount(services, undefined);
    }
    const answers = [];
    for (const account of accounts) {
      const { names, listed } = await accountBuckets(await services.clients.get(account), account, signal);
      answers.push({ account: account.name, buckets: names, note: listed ? undefined : SCOPED_TOKEN_NOTE });
    }
    return asJson({ accounts: answers });
  },
};

export interface ListObjectsInput extends BucketInput {
  readonly prefix?: string;
  /** false (default): one folder level, with sub-folders in `folders`; true: every key under the prefix. */
  readonly recursive?: boolean;
  readonly maxKeys?: number;
  readonly continuationToken?: string;
}

export const listObjectsTool: AgentTool<ListObjectsInput> = {
  name: 'r2_listObjects',
  invocationMessage: (input) => `Listing ${input.bucket}/${input.prefix ?? ''}`,
  async run(input, services, signal) {
    const account = resolveAccount(services, input.account);
    const bucket = checkBucket(input.bucket);
    const prefix = checkPrefix(input.prefix);
    const page = await listPage(
      await services.clients.get(account),
      {
        bucket,
        prefix,
        delimiter: input.recursive === true ? '' : '/',
        pageSize: checkCount(input.maxKeys, 'maxKeys', DEFAULT_LIST_KEYS, MAX_PAGE_SIZE),
        token: input.continuationToken,
      },
      signal,
    );
    return asJson({
      bucket,
      prefix,
      folders: page.prefixes,
      objects: page.objects.map(({ key, size, lastModified, etag }) => ({ key, size, lastModified, etag })),
      continuationToken: page.nextToken,
      listRequests: 1,
    });
  },
};

export const headObjectTool: AgentTool<ObjectInput> = {
  name: 'r2_getObjectMetadata',
  invocationMessage: (input) => `Reading the metadata of ${input.bucket}/${input.key}`,
  async run(input, services, signal) {
    const { account, bucket, key } = objectTarget(services, input);
    const head = await headObject(await services.clients.get(account), { bucket, key }, signal);
    return asJson({ bucket, ...head });
  },
};

export interface ReadTextInput extends ObjectInput {
  readonly maxBytes?: number;
}

/** UTF-8 text, or undefined for bytes that are not (a cut at `maxBytes` may split one character). */
function decodeText(bytes: Buffer, cut: boolean): string | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let trim = 0; trim <= (cut ? 3 : 0); trim++) {
    try {
      const text = decoder.decode(bytes.subarray(0, bytes.length - trim));
      return text.includes('\u0000') ? undefined : text;
    } catch {
      // Not UTF-8 here; at a cut, the last character may be incomplete.
    }
  }
  return undefined;
}

export const readTextTool: AgentTool<ReadTextInput> = {
  name: 'r2_readObjectText',
  invocationMessage: (input) => `Reading ${input.bucket}/${input.key}`,
  async run(input, services, signal) {
    const { account, bucket, key } = objectTarget(services, input);
    const maxBytes = checkCount(input.maxBytes, 'maxBytes', DEFAULT_READ_BYTES, MAX_READ_BYTES);
    const { head, bytes } = await getObjectBytes(
      await services.clients.get(account),
      { bucket, key, range: { start: 0, end: maxBytes - 1 }, maxBytes },
      signal,
    );
    const truncated = head.size > bytes.length;
    const text = decodeText(bytes, truncated);
    if (text === undefined) {
      throw new ToolInputError(
        `"${key}" (${head.contentType ?? 'no content type'}, ${head.size.toLocaleString('en')} bytes) is not UTF-8 text; r2_getObjectMetadata describes it.`,
      );
    }
    return asJson({ bucket, key, etag: head.etag, size: head.size, contentType: head.contentType, truncated, text });
  },
};

export interface FindKeysToolInput extends AccountInput {
  /** Absent: every bucket of the account, within the same page cap. */
  readonly bucket?: string;
  readonly prefix?: string;
  readonly pattern: string;
  readonly maxPages?: number;
  readonly maxResults?: number;
}

const DEFAULT_FIND_RESULTS = 100;

export const findKeysTool: AgentTool<FindKeysToolInput> = {
  name: 'r2_findKeys',
  invocationMessage: (input) => `Finding "${input.pattern}" in ${input.bucket ?? 'every bucket'}`,
  async run(input, services, signal) {
    const account = resolveAccount(services, input.account);
    const prefix = checkPrefix(input.prefix);
    const pageCap = services.settings.get('find.maxPages', 10);
    const maxPages = Math.min(checkCount(input.maxPages, 'maxPages', pageCap, Number.MAX_SAFE_INTEGER), pageCap);
    const maxResults = checkCount(input.maxResults, 'maxResults', DEFAULT_FIND_RESULTS, MAX_PAGE_SIZE);
    const client = await services.clients.get(account);
    const buckets =
      input.bucket === undefined ? (await accountBuckets(client, account, signal)).names : [checkBucket(input.bucket)];
    const found = await findKeysInBuckets(
      { client, buckets, prefix, pattern: input.pattern, maxPages, maxMatches: maxResults },
      signal,
    );
    const results = found.results.map((result) => ({
      bucket: result.bucket,
      matches: result.matches.map(({ key, size, lastModified }) => ({ key, size, lastModified })),
      matchCount: result.matchCount,
      keysScanned: result.scanned,
      complete: result.nextToken === undefined,
    }));
    const complete = found.notSearched.length === 0 && results.every((result) => result.complete);
    return asJson({
      pattern: input.pattern,
      prefix,
      results,
      notSearched: found.notSearched,
      // Searching every bucket first lists the buckets (one ListBuckets, also class A).
      listRequests: found.requests + (input.bucket === undefined ? 1 : 0),
      note: complete
        ? undefined
        : 'The search stopped at its cap before every key was seen: narrow the prefix, or raise maxPages (up to the r2.find.maxPages setting).',
    });
  },
};

export interface PresignInput extends ObjectInput {
  readonly expiresInMinutes?: number;
}

export const presignTool: AgentTool<PresignInput> = {
  name: 'r2_createDownloadLink',
  invocationMessage: (input) => `Creating a link to ${input.bucket}/${input.key}`,
  async run(input, services, signal) {
    const { account, bucket, key } = objectTarget(services, input);
    const minutes = checkCount(input.expiresInMinutes, 'expiresInMinutes', DEFAULT_LINK_MINUTES, MAX_LINK_MINUTES);
    const client = await services.clients.get(account);
    // A link to a key that does not exist would only fail when opened: check first (one HEAD).
    await headObject(client, { bucket, key }, signal);
    const url = await presignUrl(client, { bucket, key, method: 'GET', expiresInSeconds: minutes * 60 });
    const expires = new Date(Date.now() + minutes * 60_000);
    return asJson({
      bucket,
      key,
      url,
      expires,
      note: 'Anyone holding this URL can download the object until it expires.',
    });
  },
};

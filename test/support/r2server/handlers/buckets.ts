// ListBuckets, CreateBucket, HeadBucket, DeleteBucket, GetBucketLocation.
import { S3Error } from '../errors';
import { childText, el } from '../xml';
import type { HandlerArgs } from './types';

/** R2 bucket names: 3–63 lowercase letters, digits and hyphens, starting and ending with a letter or digit. */
const BUCKET_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** `auto` and R2's location hints (developers.cloudflare.com/r2/reference/data-location). */
const LOCATIONS = new Set(['auto', 'wnam', 'enam', 'weur', 'eeur', 'apac', 'oc']);

export function isValidBucketName(name: string): boolean {
  return BUCKET_NAME.test(name);
}

const OWNER = el('Owner', [el('ID', 'r2-local'), el('DisplayName', 'r2-local')]);

export async function listBuckets({ ctx, store }: HandlerArgs): Promise<void> {
  const buckets = store
    .listBuckets()
    .map((b) => el('Bucket', [el('Name', b.name), el('CreationDate', new Date(b.created).toISOString())]));
  await ctx.sendXml(200, el('ListAllMyBucketsResult', [el('Buckets', buckets), OWNER]));
}

export async function createBucket({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  if (!isValidBucketName(bucket)) {
    throw new S3Error('InvalidBucketName', 'The specified bucket is not valid.', { BucketName: bucket });
  }
  let location = 'auto';
  if (ctx.hasBody()) {
    const xml = await ctx.receiveXml();
    if (xml.name !== 'CreateBucketConfiguration') {
      throw new S3Error(
        'MalformedXML',
        'The XML you provided was not well-formed or did not validate against our published schema (expected CreateBucketConfiguration).',
      );
    }
    location = childText(xml, 'LocationConstraint')?.trim() || 'auto';
  }
  if (!LOCATIONS.has(location)) {
    throw new S3Error(
      'InvalidLocationConstraint',
      `The specified location-constraint is not valid: use auto or one of ${[...LOCATIONS].join(', ')}.`,
      { LocationConstraint: location },
    );
  }
  store.createBucket(bucket, location);
  await ctx.send(200, { location: `/${bucket}`, 'content-length': 0 });
}

export async function headBucket({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  store.bucket(bucket);
  await ctx.send(200, {});
}

export async function deleteBucket({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  store.deleteBucket(bucket);
  await ctx.send(204, {});
}

export async function getBucketLocation({ ctx, store, bucket }: HandlerArgs): Promise<void> {
  await ctx.sendXml(200, el('LocationConstraint', store.bucket(bucket).location));
}

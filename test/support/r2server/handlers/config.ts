// Bucket CORS and lifecycle configurations: validated on PUT, stored as parsed XML, echoed on GET.
import type { RequestContext } from '../context';
import { S3Error } from '../errors';
import type { XmlElement } from '../xml';
import { childrenNamed, childText, toNode } from '../xml';
import type { HandlerArgs } from './types';

const CORS_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'HEAD']);
const MAX_CORS_RULES = 100;
const MAX_LIFECYCLE_RULES = 1000;
const LIFECYCLE_ACTIONS = ['Expiration', 'Transition', 'AbortIncompleteMultipartUpload'];

function malformed(why: string): S3Error {
  return new S3Error(
    'MalformedXML',
    `The XML you provided was not well-formed or did not validate against our published schema (${why}).`,
  );
}

function validateCors(xml: XmlElement): void {
  const rules = childrenNamed(xml, 'CORSRule');
  if (xml.name !== 'CORSConfiguration' || rules.length === 0 || rules.length > MAX_CORS_RULES) {
    throw malformed(`a CORSConfiguration with 1 to ${MAX_CORS_RULES} CORSRule elements`);
  }
  for (const rule of rules) {
    const methods = childrenNamed(rule, 'AllowedMethod').map((m) => m.text.trim());
    if (childrenNamed(rule, 'AllowedOrigin').length === 0 || methods.length === 0) {
      throw malformed('each CORSRule needs AllowedOrigin and AllowedMethod');
    }
    const unsupported = methods.find((m) => !CORS_METHODS.has(m));
    if (unsupported !== undefined) {
      throw new S3Error(
        'InvalidRequest',
        `Found unsupported HTTP method in CORS config. Unsupported method is ${unsupported}`,
      );
    }
    const maxAge = childText(rule, 'MaxAgeSeconds');
    if (maxAge !== undefined && !/^\d+$/.test(maxAge.trim())) {
      throw malformed('MaxAgeSeconds must be a non-negative integer');
    }
  }
}

/** Every Days-like element anywhere below, for the "positive integer" rule. */
function dayCounts(element: XmlElement): XmlElement[] {
  return element.children.flatMap((c) => (c.name === 'Days' || c.name === 'DaysAfterInitiation' ? [c] : dayCounts(c)));
}

function validateLifecycle(xml: XmlElement): void {
  const rules = childrenNamed(xml, 'Rule');
  if (xml.name !== 'LifecycleConfiguration' || rules.length === 0 || rules.length > MAX_LIFECYCLE_RULES) {
    throw malformed(`a LifecycleConfiguration with 1 to ${MAX_LIFECYCLE_RULES} Rule elements`);
  }
  for (const rule of rules) {
    const status = childText(rule, 'Status')?.trim();
    if (status !== 'Enabled' && status !== 'Disabled') {
      throw malformed('each Rule needs Status Enabled or Disabled');
    }
    if (!rule.children.some((c) => LIFECYCLE_ACTIONS.includes(c.name))) {
      throw new S3Error('InvalidRequest', 'At least one action needs to be specified in a rule');
    }
    if (dayCounts(rule).some((d) => !/^[1-9]\d*$/.test(d.text.trim()))) {
      throw new S3Error('InvalidArgument', "'Days' for an action must be a positive integer");
    }
    for (const transition of childrenNamed(rule, 'Transition')) {
      if (childText(transition, 'StorageClass')?.trim() !== 'STANDARD_IA') {
        throw new S3Error('InvalidStorageClass', 'R2 transitions objects only to STANDARD_IA (Infrequent Access).');
      }
    }
  }
}

type ConfigField = 'cors' | 'lifecycle';

function missing(field: ConfigField): S3Error {
  return field === 'cors'
    ? new S3Error('NoSuchCORSConfiguration', 'The CORS configuration does not exist')
    : new S3Error('NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist');
}

async function putConfig(
  { ctx, store, bucket }: HandlerArgs,
  field: ConfigField,
  validate: (xml: XmlElement) => void,
): Promise<void> {
  store.bucket(bucket);
  const xml = await ctx.receiveXml();
  validate(xml);
  store.setBucketConfig(bucket, field, xml);
  await ctx.send(200, { 'content-length': 0 });
}

async function getConfig(ctx: RequestContext, config: XmlElement | undefined, field: ConfigField): Promise<void> {
  if (!config) {
    throw missing(field);
  }
  await ctx.sendXml(200, toNode(config));
}

async function deleteConfig({ ctx, store, bucket }: HandlerArgs, field: ConfigField): Promise<void> {
  store.setBucketConfig(bucket, field, undefined);
  await ctx.send(204, {});
}

export const putBucketCors = (args: HandlerArgs): Promise<void> => putConfig(args, 'cors', validateCors);
export const getBucketCors = (args: HandlerArgs): Promise<void> =>
  getConfig(args.ctx, args.store.bucket(args.bucket).cors, 'cors');
export const deleteBucketCors = (args: HandlerArgs): Promise<void> => deleteConfig(args, 'cors');
export const putBucketLifecycle = (args: HandlerArgs): Promise<void> => putConfig(args, 'lifecycle', validateLifecycle);
export const getBucketLifecycle = (args: HandlerArgs): Promise<void> =>
  getConfig(args.ctx, args.store.bucket(args.bucket).lifecycle, 'lifecycle');
export const deleteBucketLifecycle = (args: HandlerArgs): Promise<void> => deleteConfig(args, 'lifecycle');

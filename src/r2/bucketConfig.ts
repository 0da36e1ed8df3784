// Bucket CORS and lifecycle rules. The rule types keep S3's PascalCase field names because users edit
// them as JSON documents, in the same shape as Cloudflare's and AWS's documentation shows.
import { s3 } from './sdk';
import type { LifecycleRule as S3LifecycleRule, TransitionStorageClass } from '@aws-sdk/client-s3';
import type { R2Client } from './client';
import { isR2Error } from './errors';

export interface CorsRule {
  ID?: string;
  AllowedOrigins: string[];
  AllowedMethods: string[];
  AllowedHeaders?: string[];
  ExposeHeaders?: string[];
  MaxAgeSeconds?: number;
}

/** The subset of S3 lifecycle rules R2 implements. Dates are ISO 8601 strings, as in JSON. */
export interface LifecycleRule {
  ID?: string;
  Status: 'Enabled' | 'Disabled';
  Filter?: { Prefix?: string };
  Expiration?: { Days?: number; Date?: string };
  AbortIncompleteMultipartUpload?: { DaysAfterInitiation?: number };
  Transitions?: { Days?: number; Date?: string; StorageClass: string }[];
}

/** A bucket without the configuration has no rules, which is not an error to callers. */
async function emptyIfUnconfigured<T>(request: Promise<T[]>): Promise<T[]> {
  try {
    return await request;
  } catch (err) {
    if (isR2Error(err, 'NoSuchConfiguration')) {
      return [];
    }
    throw err;
  }
}

export async function getBucketCors(client: R2Client, bucket: string, signal: AbortSignal): Promise<CorsRule[]> {
  return await emptyIfUnconfigured(
    client
      .send(new (s3().GetBucketCorsCommand)({ Bucket: bucket }), { operation: 'GetBucketCors', bucket }, signal)
      .then((output) =>
        (output.CORSRules ?? []).map((rule) => ({
          ID: rule.ID,
          AllowedOrigins: rule.AllowedOrigins ?? [],
          AllowedMethods: rule.AllowedMethods ?? [],
          AllowedHeaders: rule.AllowedHeaders,
          ExposeHeaders: rule.ExposeHeaders,
          MaxAgeSeconds: rule.MaxAgeSeconds,
        })),
      ),
  );
}

export async function putBucketCors(
  client: R2Client,
  bucket: string,
  rules: CorsRule[],
  signal: AbortSignal,
): Promise<void> {
  await client.send(
    new (s3().PutBucketCorsCommand)({ Bucket: bucket, CORSConfiguration: { CORSRules: rules } }),
    { operation: 'PutBucketCors', bucket },
    signal,
  );
}

export async function deleteBucketCors(client: R2Client, bucket: string, signal: AbortSignal): Promise<void> {
  await client.send(
    new (s3().DeleteBucketCorsCommand)({ Bucket: bucket }),
    { operation: 'DeleteBucketCors', bucket },
    signal,
  );
}

function toDate(iso: string | undefined): Date | undefined {
  return iso === undefined ? undefined : new Date(iso);
}

function toS3LifecycleRule(rule: LifecycleRule): S3LifecycleRule {
  return {
    ID: rule.ID,
    Status: rule.Status,
    // S3 requires a filter (or the legacy prefix); an empty one applies the rule to every object.
    Filter: { Prefix: rule.Filter?.Prefix ?? '' },
    Expiration: rule.Expiration && { Days: rule.Expiration.Days, Date: toDate(rule.Expiration.Date) },
    AbortIncompleteMultipartUpload: rule.AbortIncompleteMultipartUpload,
    Transitions: rule.Transitions?.map((transition) => ({
      Days: transition.Days,
      Date: toDate(transition.Date),
      StorageClass: transition.StorageClass as TransitionStorageClass,
    })),
  };
}

function fromS3LifecycleRule(rule: S3LifecycleRule): LifecycleRule {
  return {
    ID: rule.ID,
    Status: rule.Status === 'Enabled' ? 'Enabled' : 'Disabled',
    Filter: { Prefix: rule.Filter?.Prefix ?? rule.Prefix ?? '' },
    Expiration: rule.Expiration && { Days: rule.Expiration.Days, Date: rule.Expiration.Date?.toISOString() },
    AbortIncompleteMultipartUpload: rule.AbortIncompleteMultipartUpload,
    Transitions: rule.Transitions?.map((transition) => ({
      Days: transition.Days,
      Date: transition.Date?.toISOString(),
      StorageClass: transition.StorageClass ?? '',
    })),
  };
}

export async function getBucketLifecycle(
  client: R2Client,
  bucket: string,
  signal: AbortSignal,
): Promise<LifecycleRule[]> {
  return await emptyIfUnconfigured(
    client
      .send(
        new (s3().GetBucketLifecycleConfigurationCommand)({ Bucket: bucket }),
        { operation: 'GetBucketLifecycle', bucket },
        signal,
      )
      .then((output) => (output.Rules ?? []).map(fromS3LifecycleRule)),
  );
}

export async function putBucketLifecycle(
  client: R2Client,
  bucket: string,
  rules: LifecycleRule[],
  signal: AbortSignal,
): Promise<void> {
  await client.send(
    new (s3().PutBucketLifecycleConfigurationCommand)({
      Bucket: bucket,
      LifecycleConfiguration: { Rules: rules.map(toS3LifecycleRule) },
    }),
    { operation: 'PutBucketLifecycle', bucket },
    signal,
  );
}

export async function deleteBucketLifecycle(client: R2Client, bucket: string, signal: AbortSignal): Promise<void> {
  await client.send(
    new (s3().DeleteBucketLifecycleCommand)({ Bucket: bucket }),
    { operation: 'DeleteBucketLifecycle', bucket },
    signal,
  );
}

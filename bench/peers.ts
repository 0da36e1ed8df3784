// The command-line tools ours is compared with, configured only through the environment and flags
// (no config files), against the same endpoint and bucket.
import type { Command } from './measure';
import type { Target } from './target';

export const AWS = '/usr/bin/aws';
export const RCLONE = '/usr/bin/rclone';

function awsEnv(target: Target): NodeJS.ProcessEnv {
  return {
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_ACCESS_KEY_ID: target.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: target.credentials.secretAccessKey,
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_PAGER: '',
  };
}

function rcloneEnv(target: Target): NodeJS.ProcessEnv {
  return {
    // rclone's SDK refuses to start when this names a CA bundle (its HTTP transport cannot load one).
    AWS_CA_BUNDLE: '',
    RCLONE_CONFIG: '/dev/null',
    RCLONE_CONFIG_R2_TYPE: 's3',
    RCLONE_CONFIG_R2_PROVIDER: 'Other',
    RCLONE_CONFIG_R2_ENDPOINT: target.url,
    RCLONE_CONFIG_R2_ACCESS_KEY_ID: target.credentials.accessKeyId,
    RCLONE_CONFIG_R2_SECRET_ACCESS_KEY: target.credentials.secretAccessKey,
    RCLONE_CONFIG_R2_REGION: 'us-east-1',
    RCLONE_CONFIG_R2_FORCE_PATH_STYLE: 'true',
  };
}

/** awscli with its own defaults (multipart: 8 MiB parts, 10 requests at once; ranged parallel GETs). */
function aws(target: Target, args: string[]): Command {
  return { tool: 'aws', file: AWS, args: ['--endpoint-url', target.url, ...args], env: awsEnv(target) };
}

/**
 * rclone's extra requests and hashing switched off where a flag allows: no bucket-exists check, no
 * HEAD after an upload, no whole-file MD5 before a multipart upload, no destination scan, no
 * checksum check after a download. Transfer defaults kept (5 MiB chunks, 4 at once; 4 download streams).
 */
export const RCLONE_FLAGS = [
  '--s3-no-check-bucket',
  '--s3-no-head',
  '--s3-disable-checksum',
  '--no-check-dest',
  '--ignore-checksum',
  '--no-traverse',
  '-q',
];

const RCLONE_SYNC_FLAGS = ['--s3-no-check-bucket', '--s3-no-head', '-q'];
export const RCLONE_CHECKSUM = 'rclone --checksum';

function rclone(target: Target, args: string[], flags = RCLONE_FLAGS): Command {
  return { tool: 'rclone', file: RCLONE, args: [...args, ...flags], env: rcloneEnv(target) };
}

/** Per-tool names (keys, files, prefixes), so that each tool's result is checked on its own. */
type PerTool = (tool: string) => string;

export const peers = {
  uploadFile: (target: Target, filePath: string, key: PerTool): Command[] => [
    aws(target, ['s3', 'cp', filePath, `s3://${target.bucket}/${key('aws')}`, '--no-progress', '--only-show-errors']),
    // `copyto` names the key exactly, as `copy` into a folder would from the file's name.
    rclone(target, ['copyto', filePath, `r2:${target.bucket}/${key('rclone')}`]),
  ],
  downloadFile: (target: Target, key: string, filePath: PerTool): Command[] => [
    aws(target, ['s3', 'cp', `s3://${target.bucket}/${key}`, filePath('aws'), '--no-progress', '--only-show-errors']),
    rclone(target, ['copyto', `r2:${target.bucket}/${key}`, filePath('rclone')]),
  ],
  uploadFolder: (target: Target, dir: string, prefix: PerTool): Command[] => [
    aws(target, [
      's3',
      'cp',
      dir,
      `s3://${target.bucket}/${prefix('aws')}`,
      '--recursive',
      '--no-progress',
      '--only-show-errors',
    ]),
    rclone(target, ['copy', dir, `r2:${target.bucket}/${prefix('rclone')}`]),
  ],
  /**
   * Sync with deletion, each with its default change detection (aws: size and modification time;
   * rclone: size and modification time, stored in its own metadata) and, where there is one, a
   * checksum mode (rclone --checksum: size and MD5; awscli has none). rclone's bucket check and
   * HEAD after each upload are off, as in the other cases; its listing of the destination is what a
   * sync needs, so --no-traverse and --no-check-dest are not given.
   */
  sync: (target: Target, dir: string, prefix: PerTool): Command[] => [
    aws(target, [
      's3',
      'sync',
      dir,
      `s3://${target.bucket}/${prefix('aws')}`,
      '--delete',
      '--no-progress',
      '--only-show-errors',
    ]),
    rclone(target, ['sync', dir, `r2:${target.bucket}/${prefix('rclone')}`], RCLONE_SYNC_FLAGS),
    {
      ...rclone(
        target,
        ['sync', dir, `r2:${target.bucket}/${prefix(RCLONE_CHECKSUM)}`],
        [...RCLONE_SYNC_FLAGS, '--checksum'],
      ),
      tool: RCLONE_CHECKSUM,
    },
  ],
  /** A folder moved within the bucket: each object copied on the server, then its source deleted. */
  moveFolder: (target: Target, prefix: PerTool, newPrefix: PerTool): Command[] => [
    aws(target, [
      's3',
      'mv',
      `s3://${target.bucket}/${prefix('aws')}`,
      `s3://${target.bucket}/${newPrefix('aws')}`,
      '--recursive',
      '--only-show-errors',
    ]),
    rclone(
      target,
      ['move', `r2:${target.bucket}/${prefix('rclone')}`, `r2:${target.bucket}/${newPrefix('rclone')}`],
      RCLONE_SYNC_FLAGS,
    ),
  ],
  /** One object copied on the server (both use UploadPartCopy above their thresholds). */
  copyObject: (target: Target, key: string, copyKey: PerTool): Command[] => [
    aws(target, [
      's3',
      'cp',
      `s3://${target.bucket}/${key}`,
      `s3://${target.bucket}/${copyKey('aws')}`,
      // Its default also copies tags (GetObjectTagging), which R2 does not implement.
      '--copy-props',
      'metadata-directive',
      '--only-show-errors',
    ]),
    rclone(target, ['copyto', `r2:${target.bucket}/${key}`, `r2:${target.bucket}/${copyKey('rclone')}`]),
  ],
  /**
   * Both print one line per key (checked against the expected count): awscli every key under the
   * prefix (no delimiter), page by page; rclone the folder's one level (delimiter `/`), page by page.
   */
  list: (target: Target, prefix: string): Command[] => [
    aws(target, [
      's3api',
      'list-objects-v2',
      '--bucket',
      target.bucket,
      '--prefix',
      prefix,
      '--page-size',
      '1000',
      '--query',
      'Contents[].[Key]',
      '--output',
      'text',
    ]),
    rclone(target, ['lsf', `r2:${target.bucket}/${prefix}`, '--files-only'], ['-q']),
  ],
};

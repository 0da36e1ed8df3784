import type { Sandbox } from './sandbox';

// What `npm start` prints once the sandbox is up: for people, and read back by the e2e tests,
// which start the sandbox as a person does and open the URL it prints.
const OPEN = 'Open';
const S3 = 'S3 endpoint';

export function formatBanner(sandbox: Sandbox): string {
  const { endpoint, accessKeyId, secretAccessKey } = sandbox.s3;
  return [
    '',
    'R2 Explorer sandbox is ready.',
    `  ${OPEN}         ${sandbox.url}`,
    `  ${S3}  ${endpoint} (path-style, region auto)`,
    `               access key ${accessKeyId}`,
    `               secret     ${secretAccessKey}`,
    `  Data         ${sandbox.dataDir} (kept between runs; --reset starts over)`,
    'Press Ctrl-C to stop.',
    '',
  ].join('\n');
}

/** The workbench URL and S3 endpoint from `npm start`'s output, once it has printed them. */
export function parseBanner(output: string): { url: string; s3Endpoint: string } | undefined {
  const url = new RegExp(`^ {2}${OPEN} +(\\S+)$`, 'm').exec(output)?.[1];
  const s3Endpoint = new RegExp(`^ {2}${S3} +(\\S+)`, 'm').exec(output)?.[1];
  return url && s3Endpoint ? { url, s3Endpoint } : undefined;
}

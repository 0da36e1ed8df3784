// Links to an object that need no request. Pure: unit-tested without VS Code.

/** `s3://bucket/key`, the form the awscli and rclone take; the key verbatim. */
export function s3Uri(bucket: string, key: string): string {
  return `s3://${bucket}/${key}`;
}

/**
 * The object's URL under a public base (r2.dev or a custom domain): each '/'-separated segment is
 * percent-encoded, so spaces, unicode, `#`, `?`, `+` and `%` reach the right object.
 */
export function publicUrl(base: string, key: string): string {
  return `${base.replace(/\/+$/, '')}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

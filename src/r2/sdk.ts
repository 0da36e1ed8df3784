// The AWS SDK, loaded on first use: its code alone is 6.5 MB of the extension host's heap and a
// tenth of a CPU second to load. Listing buckets and keys (what browsing the tree sends) and the PUTs
// of small files go without it (signedRequest.ts), so an extension that only browses, or a folder
// upload of small files, never loads it. In the extension it is also a bundle of its own
// (esbuild.mjs); these functions keep it from loading with this layer's modules where they are not
// bundled (the tests, the bench's workers), as the bundle's stand-in does where they are.
import type * as ClientS3 from '@aws-sdk/client-s3';
import type * as Presigner from '@aws-sdk/s3-request-presigner';

let clientS3: typeof ClientS3 | undefined;
let presigner: typeof Presigner | undefined;

/** @aws-sdk/client-s3: the client and its commands. */
export function s3(): typeof ClientS3 {
  // A require() the bundler still follows: an import() would be a module of another kind here.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (clientS3 ??= require('@aws-sdk/client-s3') as typeof ClientS3);
}

/** @aws-sdk/s3-request-presigner: presigned URLs. */
export function s3Presigner(): typeof Presigner {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (presigner ??= require('@aws-sdk/s3-request-presigner') as typeof Presigner);
}

// Verification of the `x-amz-checksum-*` request headers. The SDK sends one on operations whose
// checksum is required (DeleteObjects, PutBucketCors, PutBucketLifecycleConfiguration) even with
// requestChecksumCalculation WHEN_REQUIRED, and R2 checks them.
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';

export interface Checksum {
  update(chunk: Buffer): void;
  /** Base64 of the big-endian digest, as the header carries it. */
  digest(): string;
}

function crcChecksum(step: (data: Buffer, crc: number) => number): Checksum {
  let crc = 0;
  return {
    update: (chunk) => {
      crc = step(chunk, crc);
    },
    digest: () => {
      const out = Buffer.alloc(4);
      out.writeUInt32BE(crc >>> 0);
      return out.toString('base64');
    },
  };
}

function hashChecksum(algorithm: string): Checksum {
  const hash = createHash(algorithm);
  return { update: (chunk) => hash.update(chunk), digest: () => hash.digest('base64') };
}

let crc32cTable: Uint32Array | undefined;

/** CRC-32C (Castagnoli), which zlib does not provide. */
function crc32c(data: Buffer, previous: number): number {
  if (!crc32cTable) {
    crc32cTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) {
        c = c & 1 ? 0x82f63b78 ^ (c >>> 1) : c >>> 1;
      }
      crc32cTable[n] = c >>> 0;
    }
  }
  let crc = ~previous;
  for (const byte of data) {
    crc = crc32cTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  }
  return ~crc >>> 0;
}

/**
 * A checksum for a header name (`x-amz-checksum-crc32`, ...), or undefined for algorithms this server
 * accepts without verifying (crc64nvme: no built-in implementation, and the SDK only uses it on request).
 */
export function checksumFor(header: string): Checksum | undefined {
  switch (header) {
    case 'x-amz-checksum-crc32':
      return crcChecksum(crc32);
    case 'x-amz-checksum-crc32c':
      return crcChecksum(crc32c);
    case 'x-amz-checksum-sha1':
      return hashChecksum('sha1');
    case 'x-amz-checksum-sha256':
      return hashChecksum('sha256');
    default:
      return undefined;
  }
}

import { crc32, deflateSync } from 'node:zlib';

// A PNG encoder small enough to read: the sandbox needs one real image, and no image library is
// worth a dependency for it. 8-bit RGB, no filtering.
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const frame = Buffer.alloc(8);
  frame.writeUInt32BE(data.length, 0);
  frame.writeUInt32BE(crc32(typed), 4);
  return Buffer.concat([frame.subarray(0, 4), typed, frame.subarray(4)]);
}

export type Rgb = readonly [number, number, number];

export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgb): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  const stride = width * 3 + 1;
  const rows = Buffer.alloc(stride * height); // each row starts with filter 0 (none)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rows.set(pixel(x, y), y * stride + 1 + x * 3);
    }
  }
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The sandbox's picture: a sun setting over the sea, in Cloudflare's orange. */
export function sunsetPng(width = 320, height = 200): Buffer {
  const horizon = height * 0.62;
  const sun = { x: width * 0.5, y: horizon, r: height * 0.22 };
  const lerp = (a: number, b: number, t: number) => Math.round(a + (b - a) * t);
  const mix = (a: Rgb, b: Rgb, t: number): Rgb => [lerp(a[0], b[0], t), lerp(a[1], b[1], t), lerp(a[2], b[2], t)];
  return encodePng(width, height, (x, y) => {
    if (y < horizon) {
      const inSun = Math.hypot(x - sun.x, y - sun.y) < sun.r;
      return inSun ? [255, 214, 102] : mix([41, 28, 82], [246, 130, 31], y / horizon);
    }
    // Stripes of reflected sun on the water below the horizon.
    const glint = Math.abs(x - sun.x) < sun.r * (1 - (y - horizon) / (height - horizon)) && Math.floor(y / 4) % 2 === 0;
    return glint ? [250, 173, 63] : mix([24, 56, 94], [10, 24, 48], (y - horizon) / (height - horizon));
  });
}

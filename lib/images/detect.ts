// What an uploaded image is, read from its bytes (never from its name or the client's type):
// PNG, JPEG, WebP and GIF only, with the width and height from the header. Anything else (SVG,
// which can carry scripts, HTML, a text file with an image's name…) is not an image here.

export type ImageMime = "image/png" | "image/jpeg" | "image/webp" | "image/gif";

export interface DetectedImage {
  mime: ImageMime;
  width: number;
  height: number;
}

/** Largest side accepted (a header claiming more is broken or hostile). */
export const IMAGE_MAX_SIDE = 30_000;

const startsWith = (b: Uint8Array, bytes: number[], at = 0) => bytes.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, at: number, len: number) => String.fromCharCode(...b.subarray(at, at + len));
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!);

/** The image type by its signature, or null for anything else. */
export function sniffImageType(b: Uint8Array): ImageMime | null {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(b, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (b.length >= 12 && ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 4) === "WEBP") return "image/webp";
  if (b.length >= 6 && (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a")) return "image/gif";
  return null;
}

function pngSize(b: Uint8Array) {
  // The first chunk is IHDR: width and height, big-endian, at 16 and 20.
  if (b.length < 24 || ascii(b, 12, 4) !== "IHDR") return null;
  return { width: u32be(b, 16), height: u32be(b, 20) };
}

function gifSize(b: Uint8Array) {
  if (b.length < 10) return null;
  return { width: u16le(b, 6), height: u16le(b, 8) };
}

function webpSize(b: Uint8Array) {
  if (b.length < 30) return null;
  const chunk = ascii(b, 12, 4);
  if (chunk === "VP8 ") {
    // Lossy: a frame tag (3 bytes), the start code 9d 01 2a, then 14-bit width and height.
    if (!startsWith(b, [0x9d, 0x01, 0x2a], 23)) return null;
    return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  }
  if (chunk === "VP8L") {
    // Lossless: signature 0x2f, then width-1 and height-1 in 14 bits each.
    if (b[20] !== 0x2f) return null;
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return null;
}

function jpegSize(b: Uint8Array) {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null;
    const marker = b[at + 1]!;
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    // Markers without a length.
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    const length = u16be(b, at + 2);
    if (length < 2) return null;
    // Start of frame (any kind but DHT, JPG and DAC): precision, then height and width.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { width: u16be(b, at + 7), height: u16be(b, at + 5) };
    }
    if (marker === 0xda || marker === 0xd9) return null; // image data before any frame header
    at += 2 + length;
  }
  return null;
}

/**
 * The image's type and size, or `{ mime: null }` when the bytes are no image we take, or
 * `{ mime, size: null }` when the type is known but its header cannot be read (truncated, broken,
 * or claiming a size of 0 or beyond IMAGE_MAX_SIDE).
 */
export function detectImage(bytes: Uint8Array): { mime: null } | { mime: ImageMime; size: { width: number; height: number } | null } {
  const mime = sniffImageType(bytes);
  if (!mime) return { mime: null };
  const size =
    mime === "image/png" ? pngSize(bytes) : mime === "image/gif" ? gifSize(bytes) : mime === "image/webp" ? webpSize(bytes) : jpegSize(bytes);
  const ok = size && size.width > 0 && size.height > 0 && size.width <= IMAGE_MAX_SIDE && size.height <= IMAGE_MAX_SIDE;
  return { mime, size: ok ? size : null };
}

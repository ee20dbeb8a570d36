import { describe, expect, it } from "vitest";
import { makePng } from "../../tests/support/png.ts";
import { detectImage } from "./detect.ts";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe("detectImage", () => {
  it("reads a PNG's type and size from its header", () => {
    expect(detectImage(makePng(7, 3))).toEqual({ mime: "image/png", size: { width: 7, height: 3 } });
  });

  it("reads GIF, JPEG and the three kinds of WebP", () => {
    expect(detectImage(bytes("GIF89a", [10, 0, 4, 0], [0, 0, 0]))).toEqual({ mime: "image/gif", size: { width: 10, height: 4 } });
    // SOI, an APP0 segment, then SOF0: length 17, precision 8, height 0x0102, width 0x0304.
    const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0], [0xff, 0xc0, 0, 17, 8, 1, 2, 3, 4], new Array(14).fill(0));
    expect(detectImage(jpeg)).toEqual({ mime: "image/jpeg", size: { width: 0x0304, height: 0x0102 } });
    const lossy = bytes("RIFF", [0, 0, 0, 0], "WEBP", "VP8 ", [0, 0, 0, 0], [0, 0, 0], [0x9d, 0x01, 0x2a], [20, 0, 10, 0], [0, 0]);
    expect(detectImage(lossy)).toEqual({ mime: "image/webp", size: { width: 20, height: 10 } });
    // Lossless: width-1 = 15, height-1 = 7 packed in 14 bits each.
    const packed = 15 | (7 << 14);
    const lossless = bytes("RIFF", [0, 0, 0, 0], "WEBP", "VP8L", [0, 0, 0, 0], [0x2f, packed & 255, (packed >> 8) & 255, (packed >> 16) & 255, 0], new Array(8).fill(0));
    expect(detectImage(lossless)).toEqual({ mime: "image/webp", size: { width: 16, height: 8 } });
    const extended = bytes("RIFF", [0, 0, 0, 0], "WEBP", "VP8X", [10, 0, 0, 0], [0, 0, 0, 0], [99, 0, 0], [49, 0, 0], [0, 0]);
    expect(detectImage(extended)).toEqual({ mime: "image/webp", size: { width: 100, height: 50 } });
  });

  it("takes no SVG, HTML or text, whatever they are called", () => {
    expect(detectImage(bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toEqual({ mime: null });
    expect(detectImage(bytes("<!doctype html><p>hei"))).toEqual({ mime: null });
    expect(detectImage(bytes("just some text in a file called bilde.png"))).toEqual({ mime: null });
    expect(detectImage(new Uint8Array())).toEqual({ mime: null });
  });

  it("knows the type but no size for a truncated or absurd header", () => {
    expect(detectImage(makePng(2, 2).subarray(0, 20))).toEqual({ mime: "image/png", size: null });
    expect(detectImage(bytes("GIF89a", [0, 0, 4, 0]))).toEqual({ mime: "image/gif", size: null });
    expect(detectImage(bytes([0xff, 0xd8, 0xff, 0xda, 0, 2], new Array(10).fill(0)))).toEqual({ mime: "image/jpeg", size: null });
  });
});

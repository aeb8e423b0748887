#!/usr/bin/env node
// Draws the Home Business Planner mark (a house holding a rising bar chart) and writes the add-in
// icons named in manifest.xml: assets/icon-16.png, icon-32.png, icon-64.png, icon-80.png, plus
// assets/logo-filled.png (80 px, the mark on a filled tile, for the task pane header).
// Only Node built-ins: shapes are rasterised with 8x8 supersampling into an RGBA buffer, and the
// PNG chunks are written by hand (zlib deflate + CRC-32). The output is deterministic, so running
// it again leaves committed icons unchanged.
//
// Usage: node scripts/make-icons.mjs [output-dir]      (default: <repo>/assets)
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(process.argv[2] ?? path.join(here, "..", "assets"));

// Office palette: Excel green, a darker green for depth, white, and the Office gold accent.
const GREEN = [0x10, 0x7c, 0x41, 255];
const DARK_GREEN = [0x0b, 0x5a, 0x2f, 255];
const WHITE = [0xff, 0xff, 0xff, 255];
const GOLD = [0xff, 0xb9, 0x00, 255];

// ---- shapes, in a 16 x 16 design grid (scaled to the icon size) ----
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x < x1 && y >= y0 && y < y1;
function polygon(points) {
  return (x, y) => {
    let inside = false;
    for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
      const [xi, yi] = points[i];
      const [xj, yj] = points[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
}
function roundedRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}
// Maps a shape drawn in the 16-grid into a sub-box of the grid (for the tile variant).
const within = (shape, ox, oy, scale) => (x, y) => shape((x - ox) / scale, (y - oy) / scale);

// The mark: green house (roof, body, chimney) with three rising bars; the tallest bar is gold and
// reaches up into the roof.
function houseLayers({ house = GREEN, roofShade = DARK_GREEN, bars = WHITE, accent = GOLD } = {}) {
  return [
    [rect(11, 2, 13, 6), roofShade], // chimney
    [
      polygon([
        [8, 0.75],
        [15.6, 8],
        [0.4, 8],
      ]),
      house,
    ], // roof
    [rect(2, 7, 14, 15), house], // body
    [rect(4, 11, 6, 14), bars], // bar 1 (short)
    [rect(7, 8, 9, 14), bars], // bar 2
    [rect(10, 5, 12, 14), accent], // bar 3 (tallest, gold)
  ];
}

function tileLayers() {
  const s = 0.78; // the mark at 78% of the tile, centred
  const o = (16 * (1 - s)) / 2;
  return [
    [roundedRect(0, 0, 16, 16, 3), GREEN],
    ...houseLayers({ house: WHITE, roofShade: [0xe1, 0xef, 0xe6, 255], bars: GREEN, accent: GOLD }).map(([shape, color]) => [
      within(shape, o, o + 0.1, s),
      color,
    ]),
  ];
}

// ---- rasteriser ----
function render(size, layers, samples = 8) {
  const rgba = Buffer.alloc(size * size * 4);
  const unit = 16 / size; // design units per pixel
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0; // premultiplied sums
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) * unit;
          const y = (py + (sy + 0.5) / samples) * unit;
          let color = null;
          for (const [shape, c] of layers) if (shape(x, y)) color = c; // painter's order: last wins
          if (color) {
            const ca = color[3] / 255;
            r += color[0] * ca;
            g += color[1] * ca;
            b += color[2] * ca;
            a += ca;
          }
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
        rgba[i + 3] = Math.round((a / n) * 255);
      }
    }
  }
  return rgba;
}

// ---- PNG writer ----
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  if (typeof zlib.crc32 === "function") return zlib.crc32(buf) >>> 0;
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outputs = [
  ...[16, 32, 64, 80].map((size) => ({ file: `icon-${size}.png`, size, layers: houseLayers() })),
  { file: "logo-filled.png", size: 80, layers: tileLayers() },
];

fs.mkdirSync(outDir, { recursive: true });
for (const { file, size, layers } of outputs) {
  const png = encodePng(size, size, render(size, layers));
  fs.writeFileSync(path.join(outDir, file), png);
  console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, file)) || file} (${size}x${size}, ${png.length} bytes)`);
}

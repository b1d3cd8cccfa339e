// QR codes with pdfmake's own encoder (the one behind its `qr` node: same version, mask and
// error correction H), embedded as a small black-and-white PNG.
// Why not the `qr` node itself: it paints each of the ~2,500 dark modules of an AAR link as its
// own rectangle, and pdfkit writes every drawing operator separately; that was half the CPU time
// of the page and kept the AAR rate far below 50 PDF/s. The image is one operator. It carries
// the 4-module quiet zone the QR specification requires and several pixels per module, so that
// viewers which smooth images keep the module edges sharp.
// If the encoder is not where pdfmake 0.3 keeps it, the built-in `qr` node is used instead.
import { createRequire } from 'node:module';
import { crc32, deflateSync } from 'node:zlib';
import type { Node } from './layout.js';

interface EncoderRect {
  x: number;
  y: number;
}
type QrMeasure = (node: { qr: string; eccLevel: string }) => { _canvas: EncoderRect[]; _width: number };

const QUIET_ZONE = 4;
/** pdfmake's encoder draws modules of 5 units when no `fit` is given. */
const ENCODER_MODULE = 5;
const PIXELS_PER_MODULE = 4;

let encoder: QrMeasure | null | undefined;

function loadEncoder(): QrMeasure | null {
  if (encoder !== undefined) return encoder;
  try {
    const mod = createRequire(import.meta.url)('pdfmake/js/qrEnc.js') as { default?: { measure?: QrMeasure } };
    encoder = typeof mod.default?.measure === 'function' ? mod.default.measure : null;
  } catch {
    encoder = null;
  }
  return encoder;
}

/** The symbol of `content` at level H: `dark[row][col]`, quiet zone included. */
export function qrMatrix(measure: QrMeasure, content: string): boolean[][] {
  const { _canvas: canvas, _width: size } = measure({ qr: content, eccLevel: 'H' });
  const side = Math.round(size / ENCODER_MODULE) + 2 * QUIET_ZONE;
  const dark = Array.from({ length: side }, () => new Array<boolean>(side).fill(false));
  // canvas[0] is the background; the others are the dark modules.
  for (const m of canvas.slice(1)) {
    dark[Math.round(m.y / ENCODER_MODULE) + QUIET_ZONE]![Math.round(m.x / ENCODER_MODULE) + QUIET_ZONE] = true;
  }
  return dark;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 1-bit grayscale PNG of the matrix, `scale` pixels per module (0 = black). */
export function matrixPng(dark: boolean[][], scale = PIXELS_PER_MODULE): Buffer {
  const px = dark.length * scale;
  const rowBytes = Math.ceil(px / 8);
  const raw = Buffer.alloc((rowBytes + 1) * px, 0);
  dark.forEach((cells, r) => {
    const line = Buffer.alloc(rowBytes, 0xff);
    cells.forEach((isDark, c) => {
      if (!isDark) return;
      for (let k = c * scale; k < (c + 1) * scale; k++) line[k >> 3]! &= ~(0x80 >> (k & 7));
    });
    for (let s = 0; s < scale; s++) line.copy(raw, (r * scale + s) * (rowBytes + 1) + 1);
  });
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(px, 0);
  ihdr.writeUInt32BE(px, 4);
  ihdr.set([1, 0, 0, 0, 0], 8); // bit depth 1, grayscale, deflate, no filter method, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A node showing `content` as a QR code (level H), `size` points wide, quiet zone included. */
export function qrNode(content: string, size: number): Node {
  const measure = loadEncoder();
  if (!measure) return { qr: content, eccLevel: 'H', fit: size, padding: QUIET_ZONE };
  const png = matrixPng(qrMatrix(measure, content));
  return { image: `data:image/png;base64,${png.toString('base64')}`, width: size, height: size };
}

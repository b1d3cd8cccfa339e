// Filled rectangles (barcode bars) as one pdfmake canvas path.
// pdfmake's `svg` node goes through svg-to-pdfkit, which parses and paints shape by shape (a
// fill, a colour and a line style each) and cost more than the rest of the AAR page; one vector
// path with one fill draws the same bars.
import type { Node } from './layout.js';

/** A rectangle in source units (modules or SVG units). */
export interface UnitRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

function r3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * A canvas `width` x `height` points on a white background, with `rects` (given in a
 * `unitsWide` x `unitsHigh` space) filled in black.
 */
export function rectsNode(rects: UnitRect[], unitsWide: number, unitsHigh: number, width: number, height: number): Node {
  const sx = width / unitsWide;
  const sy = height / unitsHigh;
  // Every rectangle after the first starts with a relative move from the previous one's origin
  // (after `z` the pen is back there), so only the first move depends on where the canvas lands.
  let first: { x: number; y: number } | undefined;
  let prev = { x: 0, y: 0 };
  let rest = '';
  for (const r of rects) {
    const at = { x: r3(r.x * sx), y: r3(r.y * sy) };
    const body = `h${r3(r.w * sx)}v${r3(r.h * sy)}h${r3(-r.w * sx)}z`;
    if (!first) first = at;
    else rest += `m${r3(at.x - prev.x)} ${r3(at.y - prev.y)}`;
    rest += body;
    prev = at;
  }
  const background = { type: 'rect', x: 0, y: 0, w: width, h: height, color: '#ffffff' };
  if (!first) return { canvas: [background] };
  const start = first;
  // pdfmake moves rect/line vectors to their place on the page but leaves `path` vectors where
  // they are; the path therefore reads the background's final position when it is drawn.
  const path = {
    type: 'path',
    color: '#000000',
    get d(): string {
      return `M${r3(background.x + start.x)} ${r3(background.y + start.y)}${rest}`;
    },
  };
  return { canvas: [background, path] };
}

// Code 128 bars: jsbarcode encodes and draws into an xmldom SVG document (there is no DOM in the
// host process); its rectangles are then drawn as one vector path (see vector.ts).
import { DOMImplementation } from '@xmldom/xmldom';
import JsBarcode from 'jsbarcode';
import type { Node } from './layout.js';
import { rectsNode, type UnitRect } from './vector.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
const implementation = new DOMImplementation();

/** Narrowest bar = 1 unit; quiet zone 10 modules each side, as Code 128 requires. */
const QUIET = 10;
const BAR_HEIGHT = 30;

interface Attributes {
  getAttribute(name: string): string | null;
}

function num(el: Attributes, name: string): number {
  return Number.parseFloat(el.getAttribute(name) ?? '0') || 0;
}

/** The bars of `value` in Code 128 (jsbarcode picks the subsets), as rectangles in module units. */
export function code128Bars(value: string): { rects: UnitRect[]; width: number; height: number } {
  const doc = implementation.createDocument(SVG_NS, 'svg', null);
  const svg = doc.documentElement;
  if (!svg) throw new Error('xmldom returned an empty SVG document');
  // jsbarcode's types name the DOM's XMLDocument, which the host project does not load.
  JsBarcode(svg, value, { xmlDocument: doc as never, format: 'CODE128', displayValue: false, width: 1, height: BAR_HEIGHT, margin: QUIET });
  const rects: UnitRect[] = [];
  const groups = svg.getElementsByTagName('g');
  for (let g = 0; g < groups.length; g++) {
    const group = groups.item(g)!;
    const [, tx = '0', ty = '0'] = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(group.getAttribute('transform') ?? '') ?? [];
    const bars = group.getElementsByTagName('rect');
    for (let i = 0; i < bars.length; i++) {
      const r = bars.item(i)!;
      rects.push({ x: num(r, 'x') + Number(tx), y: num(r, 'y') + Number(ty), w: num(r, 'width'), h: num(r, 'height') });
    }
  }
  return { rects, width: num(svg, 'width'), height: num(svg, 'height') };
}

/** A node with the Code 128 of `value`, `width` x `height` points, quiet zones included. */
export function code128Node(value: string, width: number, height: number): Node {
  const bars = code128Bars(value);
  return rectsNode(bars.rects, bars.width, bars.height, width, height);
}

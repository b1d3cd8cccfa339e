// Font work done once per process instead of once per PDF (the AAR goal is >= 50 PDF/s on 2 cores).
// pdfmake 0.3 / pdfkit 0.19 parse the TTF again (fontkit) and subset it again for every document;
// for a one-page AAR that was most of its time. This hook on pdfmake's document class:
//  * shares the parsed fontkit font and its word-layout cache between documents, while each
//    document keeps its own embedded font object (own subset, glyph ids, widths);
//  * starts every subset with the same seed glyphs, so subsets repeat and are encoded once;
//  * keeps glyphs mapped to their characters across documents (see keepGlyphCharacters);
//  * compresses a repeated subset's font-file stream once, not once per PDF (reuseDeflatedFontFile).
// Output stays deterministic: the same input gives the same bytes, first document included.
// If pdfmake's internals ever differ from what this expects, the hook steps aside and the
// original (slower) path runs.
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

interface FontkitGlyphLike {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

interface SubsetLike {
  glyphs: number[];
  includeGlyph(id: number): number;
  encode(): Uint8Array;
}

interface FontkitFontLike {
  createSubset(): unknown;
  glyphForCodePoint(codePoint: number): FontkitGlyphLike;
  getGlyph(id: number, characters?: number[]): FontkitGlyphLike | null;
  _glyphs?: Record<number, FontkitGlyphLike | undefined>;
}

interface PdfReferenceLike {
  compress: boolean;
  buffer: unknown[];
  write(chunk: Uint8Array): void;
  end(chunk?: Uint8Array): void;
  finalize(): void;
}

interface PdfKitDocumentLike {
  ref(data?: object): PdfReferenceLike;
}

interface EmbeddedFontLike {
  id: string;
  document?: PdfKitDocumentLike;
  embed?: () => void;
  font: FontkitFontLike;
  subset: SubsetLike;
  scale: number;
  widths: number[];
  unicode: number[][];
  layoutCache?: Record<string, unknown>;
  constructor: new (doc: unknown, font: unknown, id: string) => EmbeddedFontLike;
}

interface PdfmakeDocumentLike {
  fontCache: Record<string, Record<string, EmbeddedFontLike | undefined> | undefined>;
  _fontFamilies: Record<string, EmbeddedFontLike>;
  _fontCount: number;
  getFontType(bold: boolean, italics: boolean): string;
}

type ProvideFont = (this: PdfmakeDocumentLike, family: string, bold: boolean, italics: boolean) => EmbeddedFontLike;

interface SharedFont {
  Embedded: EmbeddedFontLike['constructor'];
  font: EmbeddedFontLike['font'];
  layoutCache: Record<string, unknown> | undefined;
  uses: number;
  seed: FontkitGlyphLike[];
  subsets: Map<string, Uint8Array>;
  /** The byte arrays encode() returned from `subsets` (their font-file streams are deflated once). */
  encoded: WeakSet<Uint8Array>;
}

/**
 * Characters every document's font subset starts with, in this order: printable ASCII, the
 * Latin-1 letters (Italian accents and most European names) and typographic punctuation. With
 * the same glyphs in the same order, the subsets of most documents are byte-identical and are
 * encoded once per process instead of once per PDF (the subsetting was a fifth of an AAR's
 * time). The price is ~15 KB more per font and PDF. Other characters are added after them.
 */
const SEED_TEXT = (() => {
  let text = '';
  for (let cp = 0x20; cp <= 0x7e; cp++) text += String.fromCharCode(cp);
  for (let cp = 0xc0; cp <= 0xff; cp++) text += String.fromCharCode(cp);
  return `${text}€–—‘’“”…«»°·§ªº`;
})();
const MAX_CACHED_SUBSETS = 64;

function seedGlyphs(font: FontkitFontLike): FontkitGlyphLike[] {
  const seen = new Set<number>([0]);
  const out: FontkitGlyphLike[] = [];
  for (const ch of SEED_TEXT) {
    const glyph = font.glyphForCodePoint(ch.codePointAt(0)!);
    if (!seen.has(glyph.id)) {
      seen.add(glyph.id);
      out.push(glyph);
    }
  }
  return out;
}

/** Deflated bytes of each cached subset (pdfkit compresses streams with zlib's defaults). */
const deflated = new WeakMap<Uint8Array, Buffer>();

/**
 * The font file is the first stream pdfkit's embed() creates, ended with the encoded subset. When
 * that subset comes from the cache, its deflated bytes are reused: the stream is written as pdfkit
 * writes it (same dictionary, Filter FlateDecode, same bytes) without compressing it again.
 * Anything unexpected and pdfkit's own path runs.
 */
function reuseDeflatedFontFile(embedded: EmbeddedFontLike, cached: WeakSet<Uint8Array>): void {
  const embed = embedded.embed;
  if (typeof embed !== 'function') return;
  embedded.embed = function embedWithCachedFontFile(this: EmbeddedFontLike) {
    const doc = this.document;
    const ref = doc?.ref;
    if (!doc || typeof ref !== 'function' || Object.prototype.hasOwnProperty.call(doc, 'ref')) return embed.call(this);
    doc.ref = function firstRef(this: PdfKitDocumentLike, data?: object) {
      delete (doc as Partial<PdfKitDocumentLike>).ref; // only the first ref: the font file
      const fontFile = ref.call(this, data);
      const end = fontFile.end;
      fontFile.end = function endFontFile(this: PdfReferenceLike, chunk?: Uint8Array) {
        if (!chunk || !cached.has(chunk) || this.compress !== true || typeof this.finalize !== 'function') return end.call(this, chunk);
        this.write(chunk); // sets Length and Filter as for any compressed stream
        let bytes = deflated.get(chunk);
        if (!bytes) deflated.set(chunk, (bytes = deflateSync(chunk)));
        this.buffer = [bytes];
        this.compress = false; // already compressed
        this.finalize();
      };
      return fontFile;
    };
    try {
      return embed.call(this);
    } finally {
      delete (doc as Partial<PdfKitDocumentLike>).ref;
    }
  };
}

/** Gives a new document's font the seed glyphs, and serves its encoded subset from the cache. */
function prepareSubset(embedded: EmbeddedFontLike, entry: SharedFont): void {
  const subset = embedded.subset;
  for (const glyph of entry.seed) {
    const gid = subset.includeGlyph(glyph.id);
    embedded.widths[gid] = glyph.advanceWidth * embedded.scale;
    embedded.unicode[gid] = glyph.codePoints;
  }
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    const key = subset.glyphs.join(',');
    const cached = entry.subsets.get(key);
    if (cached) return cached;
    const bytes = encode();
    if (entry.subsets.size >= MAX_CACHED_SUBSETS) entry.subsets.delete(entry.subsets.keys().next().value!);
    entry.subsets.set(key, bytes);
    entry.encoded.add(bytes);
    return bytes;
  };
  reuseDeflatedFontFile(embedded, entry.encoded);
}

/** Word layouts are cached by text; start a fresh cache now and then so names never pile up. */
const LAYOUT_CACHE_RENEWAL = 5000;

let installed = false;

/**
 * fontkit caches glyph objects by id with the characters of their first request. Subsetting asks
 * for the components of accented letters without characters, so once the font is shared a later
 * document could get e.g. a "." that maps to no character, and its text would not extract or
 * search. A glyph first made without characters is made again when text asks for it.
 */
function keepGlyphCharacters(font: FontkitFontLike): void {
  const glyphs = font._glyphs;
  if (!glyphs || typeof glyphs !== 'object') return;
  const original = font.getGlyph;
  font.getGlyph = function getGlyphWithCharacters(this: FontkitFontLike, id: number, characters: number[] = []) {
    const cached = glyphs[id];
    if (cached && characters.length > 0 && cached.codePoints.length === 0) delete glyphs[id];
    return original.call(this, id, characters);
  };
}

function looksEmbedded(f: unknown): f is EmbeddedFontLike {
  const e = f as Partial<EmbeddedFontLike> | null;
  return (
    !!e &&
    typeof e.id === 'string' &&
    typeof e.font?.createSubset === 'function' &&
    typeof e.font.glyphForCodePoint === 'function' &&
    typeof e.subset?.includeGlyph === 'function' &&
    typeof e.subset.encode === 'function' &&
    Array.isArray(e.subset.glyphs) &&
    Array.isArray(e.widths) &&
    Array.isArray(e.unicode) &&
    typeof e.constructor === 'function'
  );
}

/** Installs the shared-font hook on pdfmake's document class (idempotent). */
export function installSharedFonts(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const mod = require('pdfmake/js/PDFDocument.js') as { default?: { prototype: { provideFont?: ProvideFont } } };
  const proto = mod.default?.prototype;
  const original = proto?.provideFont;
  if (!proto || typeof original !== 'function') return;
  const shared = new Map<string, SharedFont>();

  proto.provideFont = function provideSharedFont(family, bold, italics) {
    const type = this.getFontType(bold, italics);
    const perFamily = (this.fontCache[family] ??= {});
    const existing = perFamily[type];
    if (existing) return existing;
    const key = `${family}/${type}`;
    const entry = shared.get(key);
    if (!entry) {
      const made = original.call(this, family, bold, italics);
      if (looksEmbedded(made)) {
        keepGlyphCharacters(made.font);
        const created: SharedFont = { Embedded: made.constructor, font: made.font, layoutCache: made.layoutCache, uses: 0, seed: seedGlyphs(made.font), subsets: new Map(), encoded: new WeakSet() };
        shared.set(key, created);
        // Nothing is encoded before the text is drawn, so the first document is seeded too and
        // renders byte for byte like every later one.
        prepareSubset(made, created);
      }
      return made;
    }
    const id = `F${++this._fontCount}`;
    const embedded = new entry.Embedded(this, entry.font, id);
    prepareSubset(embedded, entry);
    // The layout of a word depends only on the font: share it across documents too.
    if (entry.layoutCache && embedded.layoutCache) {
      if (++entry.uses % LAYOUT_CACHE_RENEWAL === 0) entry.layoutCache = Object.create(null) as Record<string, unknown>;
      embedded.layoutCache = entry.layoutCache;
    }
    this._fontFamilies[id] = embedded;
    perFamily[type] = embedded;
    return embedded;
  };
}

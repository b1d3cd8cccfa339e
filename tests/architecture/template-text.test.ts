// Every word a screen shows goes through i18n (renderer/i18n/messages): the clerk switches IT↔EN and
// reads the whole screen in the language chosen. A .vue template with a text node of words, or a
// static (or string-literal bound) aria-label/title/placeholder/label/… of words, bypasses the
// message files and stays in one language: it fails here, naming file, line and text. Names that
// read the same in both languages (the brand, the service, the codes of the trade) are allowed below.
// And a text worded once, at an event, and kept (a ref, a store, a toast) stays in the language of
// that moment after a switch: the scripts keep key and params (or the error) and word them when shown.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parse } from 'vue/compiler-sfc';

const root = resolve(import.meta.dirname, '..', '..');

/** Texts that are the same in Italian and English: names, acronyms and codes, never sentences. */
const ALLOWED = new Set([
  'RADD Desk', 'RADD', 'SEND', 'IUN', 'PEC', 'AAR', 'AR', '23L', '890', 'RS', 'RIR', 'PF', 'PG', 'CSV', 'PDF', 'QR', 'OK', 'ID',
  'IT', 'EN', 'SHA-256', 'PagoPA', 'pagoPA', 'Ctrl', 'Alt', 'Enter', 'Esc', 'Tab',
]);

/** Attributes (HTML, ARIA and the props of PrimeVue's and the app's components) whose value the clerk reads or hears. */
const TEXT_ATTRIBUTES = new Set([
  'aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext',
  'title', 'placeholder', 'alt', 'label', 'header', 'footer', 'summary', 'legend', 'caption', 'help', 'hint', 'button',
  'message', 'detail', 'text', 'tooltip', 'empty-message', 'emptymessage', 'accept-label', 'acceptlabel', 'reject-label', 'rejectlabel',
  'choose-label', 'chooselabel', 'upload-label', 'uploadlabel', 'cancel-label', 'cancellabel', 'on-label', 'onlabel', 'off-label', 'offlabel',
]);

/** Elements whose content is not words for the clerk (code samples are data). */
const SKIP_ELEMENTS = new Set(['code', 'kbd', 'samp', 'style', 'script']);

const LETTERS = /\p{L}{2,}/u;

/** Whether a text is words that need a translation: letters, and not just allowed names, symbols and numbers. */
function needsTranslation(text: string): boolean {
  let rest = text.replace(/\s+/g, ' ').trim();
  if (!LETTERS.test(rest)) return false;
  if (ALLOWED.has(rest)) return false;
  // The allowed names among punctuation and numbers ("SEND · IUN", "(PEC)") are fine too.
  for (const name of [...ALLOWED].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  return LETTERS.test(rest);
}

/**
 * The words in the string literals of a bound expression (`'Salva'`, `x ? 'Sì' : 'No'`, `` `Pagina ${n}` ``):
 * i18n keys (`'desk.history.from'`) and codes (`'VIEWING'`, `'ok'`) are data, not words; a literal
 * that is words has a space, an accented letter or a capital followed by small letters.
 */
function wordsIn(exp: string): string[] {
  const out: string[] = [];
  for (const m of exp.matchAll(/(['"`])((?:\\.|(?!\1).)*)\1/g)) {
    if (/^[\w-]+(\.[\w-]+)+$/.test(m[2]!.replace(/\$\{[^}]*\}/g, 'x'))) continue;
    const lit = m[2]!.replace(/\$\{[^}]*\}/g, ' ');
    if (!(/\s/.test(lit.trim()) || /[À-ÿ]/.test(lit) || /^[A-ZÀ-Ý][a-zà-ÿ]/.test(lit.trim()))) continue;
    if (needsTranslation(lit)) out.push(lit.trim());
  }
  return out;
}

interface Finding { file: string; line: number; what: string; text: string }

interface Node {
  type: number;
  tag?: string;
  content?: string | { content?: string; type?: number };
  children?: Node[];
  props?: Array<{ type: number; name: string; value?: { content: string }; arg?: { content?: string }; exp?: { content?: string } }>;
  loc: { start: { line: number } };
  branches?: Node[];
}

/** The hard-coded texts of one SFC's template. */
function findHardCodedText(source: string, file = 'x.vue'): Finding[] {
  const { descriptor } = parse(source, { filename: file });
  const ast = descriptor.template?.ast as unknown as Node | undefined;
  if (!ast) return [];
  const out: Finding[] = [];
  const walk = (n: Node) => {
    // 1 element, 2 text, 5 interpolation, 9 v-if, 10 v-if branch, 11 v-for
    if (n.type === 2 && typeof n.content === 'string' && needsTranslation(n.content)) {
      out.push({ file, line: n.loc.start.line, what: 'text', text: n.content.trim() });
    }
    if (n.type === 5 && typeof n.content === 'object' && n.content.content) {
      for (const w of wordsIn(n.content.content)) out.push({ file, line: n.loc.start.line, what: '{{ }}', text: w });
    }
    if (n.type === 1) {
      if (SKIP_ELEMENTS.has(n.tag ?? '')) return;
      for (const p of n.props ?? []) {
        if (p.type === 6 && TEXT_ATTRIBUTES.has(p.name.toLowerCase()) && p.value && needsTranslation(p.value.content)) {
          out.push({ file, line: n.loc.start.line, what: p.name, text: p.value.content });
        }
        if (p.type === 7 && p.name === 'bind' && p.arg?.content && TEXT_ATTRIBUTES.has(p.arg.content.toLowerCase()) && p.exp?.content) {
          for (const w of wordsIn(p.exp.content)) out.push({ file, line: n.loc.start.line, what: `:${p.arg.content}`, text: w });
        }
        if (p.type === 7 && p.name === 'tooltip' && p.exp?.content) {
          for (const w of wordsIn(p.exp.content)) out.push({ file, line: n.loc.start.line, what: 'v-tooltip', text: w });
        }
      }
    }
    for (const c of n.children ?? []) walk(c);
    for (const b of n.branches ?? []) walk(b);
  };
  walk(ast);
  return out;
}

function vueFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const p = join(dir, name);
    if (statSync(join(root, p)).isDirectory()) out.push(...vueFiles(p));
    else if (name.endsWith('.vue')) out.push(p);
  }
  return out;
}

/** The script parts of the renderer: .ts files (tests aside) and the <script> blocks of .vue files, with their line numbers. */
function scripts(): Array<{ file: string; line: number; code: string }> {
  const out: Array<{ file: string; line: number; code: string }> = [];
  const walk = (dir: string): string[] => readdirSync(join(root, dir)).flatMap((n) => {
    const p = join(dir, n);
    return statSync(join(root, p)).isDirectory() ? walk(p) : [p];
  });
  for (const file of walk('renderer').filter((f) => /\.(ts|vue)$/.test(f) && !/\.test\.ts$/.test(f))) {
    const text = readFileSync(join(root, file), 'utf8');
    text.split('\n').forEach((code, i) => out.push({ file, line: i + 1, code: code.replace(/\/\/.*$/, '') }));
  }
  return out;
}

/**
 * A text worded with `t()` at an event and kept (in a ref, a store, a list, a toast) stays in the
 * language of that moment: kept as key and params, or as a getter, it is worded when shown.
 * Allowed: what screen readers are told once (aria-live announcements: said again on a switch, it
 * would be noise) and the texts of a modal confirmation (the language cannot change under it).
 */
const KEPT_WORDED = [/\.value\s*=\s*(i18n\.global\.)?t\(/, /\.push\(\s*(i18n\.global\.)?t\(/, /\.value\s*=\s*\{[^}]*\b(message|text|summary|detail)\s*:\s*(i18n\.global\.)?t\(/, /\bsummary\s*:\s*(i18n\.global\.)?t\(/, /\b(show|showApiError|attempt)\([^()]*,\s*(i18n\.global\.)?t\(/,
  // The host's texts too: api/host-text.ts words them in the language of the call; keep the error (shownError).
  /\.value\s*=\s*(fieldErrors|fieldTexts|errorText|hostText)\(/];
const SPOKEN_OR_MODAL = [/\b(announcement|statusNews)\.value\s*=/, /\bannounce\(/];

describe('screen texts go through i18n', () => {
  it('no screen keeps a text worded at an event (it would not follow a language switch)', () => {
    const found = scripts()
      .filter(({ code }) => KEPT_WORDED.some((re) => re.test(code)) && !SPOKEN_OR_MODAL.some((re) => re.test(code)))
      .map(({ file, line, code }) => `${file}:${line} ${code.trim()}`);
    expect(found).toEqual([]);
  });

  it('finds words in text nodes and in text attributes, and lets names, codes and bound texts pass', () => {
    const sfc = `<template>
  <h1>{{ t('a.title') }} · RADD Desk</h1>
  <p>Salva la pratica</p>
  <Button label="Conferma" icon="pi pi-check" :title="t('a.b')" />
  <input aria-label="Cerca" placeholder="AAAA-BBBB" />
  <Button :label="'Annulla'" data-testid="cancel-button" class="wide" />
  <span>SEND · IUN (PEC)</span>
  <code>npm run build</code>
  <template v-if="x"><em>Nessuna</em></template>
  <li v-for="i in list" :key="i">{{ 'Voce' }} {{ i }} — 3/4 {{ i.kind === 'VIEWING' ? t('a.seen') : 'Non vista' }}</li>
  <Tag :value="x" :aria-label="x ? \`Pagina \${n}\` : t('a.c')" :title="cls('ok')" />
</template>`;
    expect(findHardCodedText(sfc).map((f) => `${f.line} ${f.what} ${f.text}`)).toEqual([
      '3 text Salva la pratica',
      '4 label Conferma',
      '5 aria-label Cerca',
      '5 placeholder AAAA-BBBB',
      '6 :label Annulla',
      '9 text Nessuna',
      '10 {{ }} Voce',
      '10 {{ }} Non vista',
      '11 :aria-label Pagina',
    ]);
  });

  it('no .vue file under renderer/ shows hard-coded words', () => {
    const found = vueFiles('renderer').flatMap((f) => findHardCodedText(readFileSync(join(root, f), 'utf8'), relative(root, f)));
    expect(found.map((f) => `${f.file}:${f.line} ${f.what}: ${f.text}`)).toEqual([]);
  });
});

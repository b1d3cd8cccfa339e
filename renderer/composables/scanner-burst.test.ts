import { describe, expect, it } from 'vitest';
import { createBurstReader, deskCodeKind } from './scanner-burst.js';

/** Feeds `text` then `end`, one key every `gap` ms from `start`; returns what the last key gave. */
function type(reader = createBurstReader(), text: string, gap: number, end = 'Enter', start = 1000): string | null {
  let at = start;
  for (const key of text) reader.read({ key, at: (at += gap) });
  return reader.read({ key: end, at: at + gap })?.text ?? null;
}

const IUN = 'VZKM-JTXY-ZVJK-202611-P-1';

describe('scanner burst', () => {
  it('reads a code typed 5 ms a key and ended by Enter or Tab', () => {
    expect(type(undefined, IUN, 5)).toBe(IUN);
    expect(type(undefined, IUN, 5, 'Tab')).toBe(IUN);
  });

  it('is not a person typing 80 ms a key', () => {
    expect(type(undefined, IUN, 80)).toBeNull();
  });

  it('keeps only the burst: what a person typed before it is not part of the code', () => {
    const reader = createBurstReader();
    reader.read({ key: 'a', at: 0 });
    reader.read({ key: 'b', at: 120 });
    expect(type(reader, IUN, 5, 'Enter', 500)).toBe(IUN);
  });

  it('holds through Shift (capitals) and drops on an IME composition or a modifier', () => {
    const reader = createBurstReader();
    let at = 0;
    for (const key of 'ABCDEFGH') {
      reader.read({ key: 'Shift', at: (at += 2) });
      reader.read({ key, at: (at += 2) });
    }
    expect(reader.read({ key: 'Enter', at: at + 2 })?.text).toBe('ABCDEFGH');
    const composed = createBurstReader();
    for (const key of 'ABCDEFGH') composed.read({ key, at: (at += 2) });
    composed.read({ key: 'Process', at: (at += 2), composing: true });
    expect(composed.read({ key: 'Enter', at: at + 2 })).toBeNull();
  });

  it('needs eight characters and a prompt Enter', () => {
    expect(type(undefined, 'ABCDEFG', 5)).toBeNull();
    const reader = createBurstReader();
    for (const [i, key] of [...'ABCDEFGH'].entries()) reader.read({ key, at: i * 5 });
    expect(reader.read({ key: 'Enter', at: 35 + 700 })).toBeNull();
  });

  it('reads a burst held back in two runs by a page changing screen, when only together they make a code', () => {
    const reader = createBurstReader((text) => deskCodeKind(text) !== null);
    let at = 0;
    for (const key of IUN.slice(0, 3)) reader.read({ key, at: (at += 5) });
    at += 180;
    for (const key of IUN.slice(3)) reader.read({ key, at: (at += 5), origin: 'field' });
    const burst = reader.read({ key: 'Enter', at: at + 5 });
    expect(burst?.text).toBe(IUN);
    expect(burst?.origins.filter((o) => o === 'field')).toHaveLength(IUN.length - 3);
  });

  it('reads all of a link held back in the middle, not its tail that looks like a token', () => {
    const reader = createBurstReader((text) => deskCodeKind(text) !== null);
    const link = 'https://cittadini.notifichedigitali.it/notifica?aar=VlpLTS1KVFhZLVpWSkstMjAyNjExLVAtMV9QRi0yNWY4YTBhOS1mN2Zh';
    let at = 0;
    for (const [i, key] of [...link].entries()) reader.read({ key, at: (at += i === 60 ? 200 : 3) });
    expect(reader.read({ key: 'Enter', at: at + 3 })?.text).toBe(link);
  });

  it('never joins a person typing a code one key at a time', () => {
    const reader = createBurstReader((text) => deskCodeKind(text) !== null);
    let at = 0;
    for (const [i, key] of [...IUN].entries()) reader.read({ key, at: (at += [60, 95, 120][i % 3]!) });
    expect(reader.read({ key: 'Enter', at: at + 10 })).toBeNull();
  });

  it('tells the codes of the start field apart by shape', () => {
    expect(deskCodeKind(IUN)).toBe('IUN');
    expect(deskCodeKind('vzkmjtxyzvjk202611p1')).toBe('IUN');
    expect(deskCodeKind('https://cittadini.notifichedigitali.it/notifica?aar=VlpLTS1KVFhZ')).toBe('QR');
    expect(deskCodeKind('VlpLTS1KVFhZLVpWSkstMjAyNjExLVAtMV9QRi0yNWY4')).toBe('QR');
    expect(deskCodeKind('RSSMRA80A01H501U')).toBe('TAX_ID');
    expect(deskCodeKind('01234567890')).toBe('TAX_ID');
    expect(deskCodeKind('Prova della delega registrata')).toBeNull();
    expect(deskCodeKind('CA12345AB')).toBeNull();
  });
});

// A barcode/QR scanner as the page sees it: keystrokes a few milliseconds apart, then Enter. The
// app tells a scanner from a person by the keys' event times (renderer/composables/scanner-burst.ts),
// which the operating system stamps when the scanner types them. Playwright's keyboard.type stamps
// each key when it reaches the page instead: on a loaded machine (CI, two workers, a host syncing)
// a page busy changing screen takes keys late and they arrive hundreds of milliseconds apart, which
// no scanner does. So the keys are sent through the DevTools protocol with the times the scanner
// typed them (`timestamp`, which Chromium gives the page as event.timeStamp), never later than now:
// what reaches the page is exactly a scanner's burst, however late it is delivered.
import type { CDPSession, Page } from '@playwright/test';

const SPECIAL: Record<string, { code: string; vk: number }> = {
  '-': { code: 'Minus', vk: 189 }, _: { code: 'Minus', vk: 189 }, '.': { code: 'Period', vk: 190 },
  '/': { code: 'Slash', vk: 191 }, '?': { code: 'Slash', vk: 191 }, ':': { code: 'Semicolon', vk: 186 },
  '=': { code: 'Equal', vk: 187 }, '&': { code: 'Digit7', vk: 55 }, '%': { code: 'Digit5', vk: 53 },
};

function keyOf(c: string): { key: string; code: string; vk: number; text: string } {
  if (/^[a-z]$/i.test(c)) return { key: c, code: `Key${c.toUpperCase()}`, vk: c.toUpperCase().charCodeAt(0), text: c };
  if (/^[0-9]$/.test(c)) return { key: c, code: `Digit${c}`, vk: c.charCodeAt(0), text: c };
  const s = SPECIAL[c];
  if (!s) throw new Error(`scanner: no key for ${JSON.stringify(c)}`);
  return { key: c, ...s, text: c };
}

const sessions = new WeakMap<Page, CDPSession>();

async function sessionOf(page: Page): Promise<CDPSession> {
  let s = sessions.get(page);
  if (!s) {
    s = await page.context().newCDPSession(page);
    sessions.set(page, s);
  }
  return s;
}

/** Scans `text`: its keys `gapMs` apart as stamped by the scanner, then Enter `gapMs` later. */
export async function scanKeys(page: Page, text: string, gapMs = 5): Promise<void> {
  const cdp = await sessionOf(page);
  const start = Date.now();
  const keys = [...text].map(keyOf);
  keys.push({ key: 'Enter', code: 'Enter', vk: 13, text: '\r' });
  for (const [i, k] of keys.entries()) {
    const at = start + i * gapMs;
    // Never a time still to come: a key is sent once its moment has passed.
    const wait = at - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const timestamp = at / 1000;
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, text: k.text, unmodifiedText: k.text, timestamp });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: k.key, code: k.code, windowsVirtualKeyCode: k.vk, timestamp: timestamp + 0.001 });
  }
}

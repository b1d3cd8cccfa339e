// The browser-mode transport: one retry, only for an answer that proves nothing was dispatched.
import { beforeEach, describe, expect, it } from 'vitest';
import { httpTransport } from './transport-http.js';

function answers(...bodies: unknown[]) {
  const sent: { url: string; body: string }[] = [];
  const send = (async (url: string, init: { body: string }) => {
    sent.push({ url, body: init.body });
    const next = bodies.shift();
    return new Response(JSON.stringify(next), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { send, sent };
}

const malformed = { ok: false, error: { code: 'MALFORMED_REQUEST', message: 'Richiesta non leggibile' } };

beforeEach(() => {
  (globalThis as { window?: unknown }).window = { sessionStorage: { getItem: () => null } };
});

describe('httpTransport', () => {
  it('sends the same request once more when the host could not read it, and returns the second answer', async () => {
    const { send, sent } = answers(malformed, { ok: true, data: { ok: 1 } });
    const r = await httpTransport('t', send)('desk.checkIdentity', { a: 1 }, 'it');
    expect(r).toEqual({ ok: true, data: { ok: 1 } });
    expect(sent).toHaveLength(2);
    expect(sent[1]).toEqual(sent[0]);
  });

  it('also repeats a request the host timed out before reading it whole (408 REQUEST_TIMEOUT)', async () => {
    const { send, sent } = answers({ ok: false, error: { code: 'REQUEST_TIMEOUT', message: 'x' } }, { ok: true, data: { ok: 2 } });
    const r = await httpTransport('t', send)('desk.checkIdentity', {}, 'it');
    expect(r).toEqual({ ok: true, data: { ok: 2 } });
    expect(sent).toHaveLength(2);
  });

  it('retries once only', async () => {
    const { send, sent } = answers(malformed, malformed, { ok: true, data: {} });
    const r = await httpTransport('t', send)('desk.checkIdentity', {}, 'it');
    expect(r.ok).toBe(false);
    expect(sent).toHaveLength(2);
  });

  it('never retries an answer from the operation itself (it may have changed something)', async () => {
    const { send, sent } = answers({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'x' } }, { ok: true, data: {} });
    const r = await httpTransport('t', send)('desk.startTransaction', {}, 'it');
    expect(r.ok).toBe(false);
    expect(sent).toHaveLength(1);
  });
});

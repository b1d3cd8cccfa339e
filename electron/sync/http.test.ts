import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { codedMessage, messageFor } from '../../core/index.js';
import { checkShape, httpCall, parseRetryAfter, peerRejected } from './http.js';

/** A loopback server that accepts requests and never answers. */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer(() => undefined);
  server.on('connection', (s) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/x`, close: () => new Promise((resolve) => { for (const s of sockets) s.destroy(); server.close(() => resolve()); }) };
}

describe('http helpers', () => {
  it('reads Retry-After in the unit of the operation, or as an HTTP date', () => {
    expect(parseRetryAfter('3', 's', 0)).toBe(3000);
    expect(parseRetryAfter('250', 'ms', 0)).toBe(250);
    expect(parseRetryAfter('Tue, 10 Mar 2026 09:00:10 GMT', 's', Date.parse('2026-03-10T09:00:00Z'))).toBe(10_000);
    expect(parseRetryAfter(null, 's', 0)).toBeUndefined();
    expect(parseRetryAfter('soon', 's', 0)).toBeUndefined();
  });

  it('names the first field that breaks the shape, with the code the caller chose', () => {
    const schema = z.object({ a: z.object({ b: z.number() }) });
    expect(() => checkShape(schema, { a: { b: 'x' } }, 'SYNC_SCHEMA_VIOLATION', 'SEND', 'op')).toThrow(expect.objectContaining({ code: 'SYNC_SCHEMA_VIOLATION', params: { peer: 'SEND', operation: 'op', path: 'a.b' } }));
    expect(() => checkShape(schema, {}, 'SYNC_REQUEST_INVALID', 'SEND', 'op')).toThrow(expect.objectContaining({ code: 'SYNC_REQUEST_INVALID', transient: false }));
  });

  it('keeps a peer\'s refusal text as it sent it, and words "no detail" in the reader\'s language when it sent none', () => {
    const sent = peerRejected('SEND', 400, JSON.stringify({ title: 'Bad Request', errors: [{ code: 'PN_INVALID_BODY', detail: 'taxId non valido' }] }));
    expect(sent).toEqual({ peer: 'SEND', status: 400, detail: 'Bad Request — PN_INVALID_BODY — taxId non valido' });
    for (const body of ['', '{}', '<html>']) {
      const none = codedMessage('SYNC_PEER_REJECTED', 'it', peerRejected('SEND', 400, body));
      expect(none.message).toBe('Il servizio SEND ha rifiutato la richiesta (HTTP 400): nessun dettaglio nella risposta');
      expect(messageFor('SYNC_PEER_REJECTED', 'en', none.params)).toBe('Service SEND refused the request (HTTP 400): no detail in the answer');
    }
  });

  it('gives up on a peer that never answers after timeoutMs, as SYNC_PEER_TIMEOUT', async () => {
    const peer = await silentServer();
    try {
      await expect(httpCall({ peer: 'SEND', operation: 'op', method: 'GET', url: peer.url, timeoutMs: 100 })).rejects.toMatchObject({ code: 'SYNC_PEER_TIMEOUT', params: { timeoutMs: 100 } });
    } finally {
      await peer.close();
    }
  });

  it('stops a request in flight when the caller\'s signal aborts, as SYNC_STOPPED', async () => {
    const peer = await silentServer();
    try {
      const stop = new AbortController();
      const call = httpCall({ peer: 'SEND', operation: 'op', method: 'GET', url: peer.url, timeoutMs: 60_000, signal: stop.signal });
      setTimeout(() => stop.abort(), 20);
      await expect(call).rejects.toMatchObject({ code: 'SYNC_STOPPED' });
    } finally {
      await peer.close();
    }
  });
});

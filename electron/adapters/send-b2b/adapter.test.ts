// A 409 that is not our own earlier delivery: the refusal's detail is the desk's own finding, not
// SEND's text, so it travels as its code (SYNC_PEER_CONFLICT_NOT_OURS) and reads in either language.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedMessage, messageFor, renderable, type ErrorCode } from '../../../core/index.js';
import type { OutboxItem } from '../../sync/types.js';
import { createSendB2bAdapter } from './adapter.js';

let server: Server;
let url = '';

beforeAll(async () => {
  // SEND: the request is a duplicate (409), and no request of ours is found by its protocol number and token (404).
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const duplicate = req.method === 'POST' && req.url === '/delivery/v2.4/requests';
      res.writeHead(duplicate ? 409 : 404, { 'content-type': 'application/problem+json' });
      res.end(JSON.stringify({ status: duplicate ? 409 : 404, title: duplicate ? 'Conflict' : 'Not Found' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const payload = {
  paProtocolNumber: 'PROT-1', subject: 'Verbale', recipients: [{ recipientType: 'PF', taxId: 'RSSMRA85T10A562S', denomination: 'Mario Rossi', physicalAddress: { address: 'Via Roma 1', zip: '00100', municipality: 'Roma' } }],
  documents: [], notificationFeePolicy: 'FLAT_RATE', physicalCommunicationType: 'AR_REGISTERED_LETTER', senderDenomination: 'Comune', senderTaxId: '01234567897', taxonomyCode: '010101P',
};
const item: OutboxItem = { id: 1, kind: 'send.newNotification', idempotencyKey: 'tok-1', payload, createdAt: '2026-03-10T08:00:00.000Z', attempts: 0, state: 'pending' };

describe('send-b2b: a conflict that is not our own request', () => {
  it('is refused for good with a detail worded in the reader\'s language, the wire error keeping its message', async () => {
    const adapter = createSendB2bAdapter({ baseUrl: url, apiKey: 'k', streamId: 's', timeoutMs: 2000 });
    const e = await adapter.push(item).then(() => null, (err: unknown) => err) as { code: ErrorCode; params: Record<string, string | number>; transient: boolean };
    expect(e).toMatchObject({ code: 'SYNC_PEER_REJECTED', transient: false });
    expect(e.params).toEqual({ peer: 'SEND', status: 409, detailCode: 'SYNC_PEER_CONFLICT_NOT_OURS' });
    const wire = codedMessage(e.code, 'it', e.params);
    expect(wire.message).toBe('Il servizio SEND ha rifiutato la richiesta (HTTP 409): SEND ha già una richiesta con lo stesso numero di protocollo, che non risulta essere quella inviata da questo computer: verificare il numero di protocollo');
    expect(renderable(e.code, wire.params)).toBe(true);
    expect(messageFor(e.code, 'en', wire.params)).toBe('Service SEND refused the request (HTTP 409): SEND already has a request with the same protocol number, which does not appear to be the one sent from this computer: check the protocol number');
  });
});

// What the browser-mode host answers when Node's HTTP layer gives up on a request.
import { describe, expect, it } from 'vitest';
import { clientErrorReply } from './http-host.js';

describe('clientErrorReply', () => {
  it('answers a slow request with 408 REQUEST_TIMEOUT: nothing was dispatched and the client may repeat it', () => {
    expect(clientErrorReply('ERR_HTTP_REQUEST_TIMEOUT')).toEqual({ status: 408, code: 'REQUEST_TIMEOUT' });
  });

  it('answers bytes the parser refused with 400 MALFORMED_REQUEST', () => {
    for (const code of ['HPE_INVALID_CONTENT_LENGTH', 'HPE_INVALID_METHOD', 'HPE_HEADER_OVERFLOW', undefined]) {
      expect(clientErrorReply(code)).toEqual({ status: 400, code: 'MALFORMED_REQUEST' });
    }
  });

  it('closes a connection that timed out before sending a single byte (a browser preconnect) without an answer', () => {
    expect(clientErrorReply('ERR_HTTP_REQUEST_TIMEOUT', 0)).toBeUndefined();
    expect(clientErrorReply('ERR_HTTP_REQUEST_TIMEOUT', 10)).toEqual({ status: 408, code: 'REQUEST_TIMEOUT' });
  });

  it('writes nothing to a connection the client already reset', () => {
    expect(clientErrorReply('ECONNRESET')).toBeUndefined();
    expect(clientErrorReply('EPIPE')).toBeUndefined();
  });
});

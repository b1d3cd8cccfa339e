export { buildAarToken, base64UrlEncode, utf8Bytes } from './token.js';
export {
  DEFAULT_AAR_ACCESS_BASE,
  DEFAULT_SEND_LANDING_URL,
  aarAccessBase,
  aarQrUrl,
  perfezionamentoUrl,
  parseScannedAar,
} from './access.js';
export type { ScannedAar } from './access.js';

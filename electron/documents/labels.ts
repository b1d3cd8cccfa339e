// Italian wording of the codes that attestations print next to their raw value
// (DOMAIN.md 7.2 PEC codes, 7.4 paper event codes and failure causes).

const PAPER_EVENTS: Record<string, string> = {
  CON080: 'stampata e imbustata',
  CON018: 'affidata all\'operatore postale',
  CON020: 'affidata e archiviata dal consolidatore',
  RECRN001: 'consegnata al destinatario',
  RECAG001: 'consegnata al destinatario',
  RECAG002: 'consegnata a persona abilitata a ricevere',
  RECRN002: 'mancata consegna',
  RECAG003: 'mancata consegna',
  RECRN003: 'consegnata presso il punto di giacenza',
  RECAG005: 'consegnata presso il punto di giacenza',
  RECAG006: 'consegnata a persona abilitata presso il punto di giacenza',
  RECRN004: 'mancata consegna presso il punto di giacenza',
  RECAG007: 'mancata consegna presso il punto di giacenza',
  RECRN005: 'compiuta giacenza',
  RECAG008: 'compiuta giacenza',
  RECRN006: 'furto, smarrimento o deterioramento',
  RECAG004: 'furto, smarrimento o deterioramento',
  RECRN010: 'destinatario assente, avviso di giacenza lasciato (inesito)',
  RECAG010: 'destinatario assente, avviso di giacenza lasciato (inesito)',
  RECRN011: 'in giacenza',
  RECAG011: 'in giacenza',
  RECAG012: 'decorso il termine di deposito (accettazione 23L)',
  PNAG012: 'distacco d\'ufficio 23L: pratica chiusa',
  PNRN012: 'perfezionamento d\'ufficio decorsi 10 giorni dall\'inesito',
  RECRN013: 'non rendicontabile, rispedita',
  RECAG013: 'non rendicontabile, rispedita',
  RECRN015: 'causa di forza maggiore',
  RECAG015: 'causa di forza maggiore',
  RECRS001: 'consegnata al destinatario',
  RECRS002: 'mancata consegna',
  RECRS003: 'ritirata presso il punto di giacenza',
  RECRS004: 'non ritirata presso il punto di giacenza',
  RECRS005: 'compiuta giacenza',
  RECRS006: 'furto, smarrimento o deterioramento',
  RECRS013: 'non rendicontabile',
  RECRS015: 'causa di forza maggiore',
  RECRI001: 'spedita all\'estero',
  RECRI002: 'entrata nel paese di destinazione',
  RECRI003: 'consegnata al destinatario',
  RECRI004: 'mancata consegna',
  RECRI005: 'furto o smarrimento',
  RECRSI003: 'consegnata al destinatario',
  RECRSI004: 'mancata consegna',
  RECRSI005: 'furto o smarrimento',
};

/** Codes whose D/E/F variants mean absolute unreachability, not a refusal (DOMAIN.md 7.4). */
const UNREACHABLE_DEF = new Set(['RECRN002', 'RECAG003', 'RECRS002']);

const SUFFIX: Record<string, string> = {
  A: 'pre-esito',
  B: 'scansione dei documenti',
  C: 'esito finale',
  D: 'pre-esito',
  E: 'scansione dei documenti',
  F: 'esito finale',
};

/** `consegnata al destinatario – esito finale` for RECRN001C; the bare code when unknown. */
export function paperEventLabel(code: string): string {
  const m = /^([A-Z]+\d+)([A-F])?$/.exec(code);
  const root = m?.[1] ?? code;
  const suffix = m?.[2];
  let label = PAPER_EVENTS[root];
  if (!label) return code;
  if (suffix && 'DEF'.includes(suffix) && UNREACHABLE_DEF.has(root)) label = 'destinatario irreperibile';
  return suffix && SUFFIX[suffix] ? `${label} – ${SUFFIX[suffix]}` : label;
}

const FAILURE_CAUSES: Record<string, string> = {
  M01: 'destinatario irreperibile',
  M02: 'destinatario deceduto',
  M03: 'destinatario sconosciuto',
  M04: 'destinatario trasferito',
  M05: 'invio rifiutato',
  M06: 'indirizzo inesatto',
  M07: 'indirizzo inesistente',
  M08: 'indirizzo insufficiente',
  F01: 'furto',
  F02: 'smarrimento',
  F03: 'deterioramento',
};

export function failureCauseLabel(cause: string): string {
  const label = FAILURE_CAUSES[cause];
  return label ? `${label} (${cause})` : cause;
}

const ATTACHMENTS: Record<string, string> = {
  AR: 'avviso di ricevimento (AR)',
  '23L': 'modello 23L',
  CAD: 'comunicazione di avvenuto deposito (CAD)',
  CAN: 'comunicazione di avvenuta notifica (CAN)',
  ARCAD: 'avviso di ricevimento della CAD (ARCAD)',
  PLICO: 'plico',
  INDAGINE: 'esito dell\'indagine',
};

export function attachmentLabel(type: string): string {
  return ATTACHMENTS[type.toUpperCase()] ?? type;
}

const PRODUCTS: Record<string, string> = {
  AR: 'raccomandata con avviso di ricevimento (A/R)',
  RN_AR: 'raccomandata con avviso di ricevimento (A/R)',
  '890': 'raccomandata per atti giudiziari (L. 890/1982)',
  RN_890: 'raccomandata per atti giudiziari (L. 890/1982)',
  RS: 'raccomandata semplice',
  RN_RS: 'raccomandata semplice',
  RIR: 'raccomandata internazionale con avviso di ricevimento',
  RI_AR: 'raccomandata internazionale con avviso di ricevimento',
  RIS: 'raccomandata internazionale semplice',
  RI_RS: 'raccomandata internazionale semplice',
};

export function productLabel(product: string): string {
  return PRODUCTS[product] ?? product;
}

const SOURCES: Record<string, string> = {
  PLATFORM: 'domicilio digitale indicato su SEND',
  SPECIAL: 'domicilio digitale speciale indicato dal mittente',
  GENERAL: 'domicilio digitale generale (registri pubblici)',
};

export function addressSourceLabel(source: string | undefined): string | undefined {
  return source ? (SOURCES[source] ?? source) : undefined;
}

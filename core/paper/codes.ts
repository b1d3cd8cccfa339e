// The paper event codes of DOMAIN.md 7.4 as data, with the failure causes and the giacenza
// sub-labels of DOMAIN.md 13. Rules that depend on the order of events are in outcome-state.ts.

export type PaperProduct = 'AR' | '890' | 'RS' | 'RIR' | 'RIS';
export type PaperCodeKind = 'PROGRESS' | 'OK' | 'KO';
/** Suffix role (DOMAIN.md 7.4): A/D pre-outcome, B/E scans, C/F final; SINGLE for codes without a triple. */
export type PaperCodePhase = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'SINGLE';
/** DOMAIN.md 13: the paper sub-labels shown on DELIVERED. */
export type GiacenzaSubLabel = 'IN_GIACENZA' | 'RITIRATA_IN_GIACENZA' | 'COMPIUTA_GIACENZA';
export type FailureCause = 'M01' | 'M02' | 'M03' | 'M04' | 'M05' | 'M06' | 'M07' | 'M08' | 'F01' | 'F02' | 'F03';

export interface LocalizedText {
  it: string;
  en: string;
}

export interface PaperCodeInfo {
  code: string;
  /** The code without its A-F suffix: the A, B and C of one outcome share it (RECRN001). */
  group: string;
  products: readonly (PaperProduct | 'ALL')[];
  /** Kind as written in the table; see effectiveKind in outcome-state.ts for the order-dependent cases. */
  kind: PaperCodeKind;
  phase: PaperCodePhase;
  meaning: LocalizedText;
  /** A final KO that needs a deliveryFailureCause (MISSING_FAILURE_CAUSE otherwise, DOMAIN.md 7.4). */
  requiresFailureCause?: true;
  /** The causes this code may carry; a code without the list carries none. */
  failureCauses?: readonly FailureCause[];
  giacenza?: GiacenzaSubLabel;
  /** RECAG005C-007C: final OK only when no RECAG012 came before (DOMAIN.md 7.4 *). */
  finalOnlyBeforeRecag012?: true;
  /** Consolidator / paper-channel errors (CON99x, P0xx). */
  isError?: true;
  /** PNRN012, PNAG012: written by SEND's paper channel, never by a postal operator. */
  generatedByPaperChannel?: true;
  /** The event carries dematerialised scans (details.attachments). */
  carriesScans?: true;
}

export const FAILURE_CAUSES: Readonly<Record<FailureCause, LocalizedText>> = {
  M01: { it: 'Destinatario irreperibile', en: 'Recipient unreachable' },
  M02: { it: 'Destinatario deceduto', en: 'Recipient deceased' },
  M03: { it: 'Destinatario sconosciuto', en: 'Recipient unknown' },
  M04: { it: 'Destinatario trasferito', en: 'Recipient moved' },
  M05: { it: 'Invio rifiutato', en: 'Refused' },
  M06: { it: 'Indirizzo inesatto', en: 'Inexact address' },
  M07: { it: 'Indirizzo inesistente', en: 'Address does not exist' },
  M08: { it: 'Indirizzo insufficiente', en: 'Insufficient address' },
  F01: { it: 'Furto', en: 'Theft' },
  F02: { it: 'Smarrimento', en: 'Loss' },
  F03: { it: 'Deterioramento', en: 'Damage' },
};

export function isFailureCause(value: unknown): value is FailureCause {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FAILURE_CAUSES, value);
}

/** Not delivered but notified (refused, deceased): DOMAIN.md 7.4 RECRN002A-C / RECAG003A-C. */
export const NOT_DELIVERED_CAUSES: readonly FailureCause[] = ['M02', 'M05', 'M06', 'M07', 'M08'];
/** Absolute unreachability, DOMAIN.md 7.4 RECRN002D-F. */
export const UNREACHABLE_CAUSES: readonly FailureCause[] = ['M01', 'M03', 'M04', 'M06', 'M07', 'M08'];
export const THEFT_CAUSES: readonly FailureCause[] = ['F01', 'F02', 'F03'];

type Extra = Omit<Partial<PaperCodeInfo>, 'code' | 'products' | 'kind' | 'meaning'>;

const PHASE_TEXT: Record<PaperCodePhase, LocalizedText> = {
  A: { it: 'pre-esito', en: 'pre-outcome' },
  D: { it: 'pre-esito', en: 'pre-outcome' },
  B: { it: 'scansioni', en: 'scans' },
  E: { it: 'scansioni', en: 'scans' },
  C: { it: 'fascicolo chiuso', en: 'file closed' },
  F: { it: 'fascicolo chiuso', en: 'file closed' },
  SINGLE: { it: '', en: '' },
};

const table: Record<string, PaperCodeInfo> = {};

function add(code: string, products: PaperCodeInfo['products'], kind: PaperCodeKind, it: string, en: string, extra: Extra = {}): void {
  table[code] = { code, group: code, products, kind, phase: 'SINGLE', meaning: { it, en }, ...extra };
}

/** One outcome as its A/B/C (or D/E/F) triple; `extra[i]` applies to the i-th code only. */
function triple(group: string, letters: 'ABC' | 'DEF', products: PaperCodeInfo['products'], kinds: PaperCodeKind[],
  it: string, en: string, shared: Extra = {}, extra: Extra[] = []): void {
  [...letters].forEach((letter, i) => {
    const phase = letter as PaperCodePhase;
    const scans: Extra = letter === 'B' || letter === 'E' ? { carriesScans: true } : {};
    table[group + letter] = {
      code: group + letter, group, products, kind: kinds[i] ?? 'PROGRESS', phase,
      meaning: { it: `${it} (${PHASE_TEXT[phase].it})`, en: `${en} (${PHASE_TEXT[phase].en})` },
      ...shared, ...scans, ...(extra[i] ?? {}),
    };
  });
}

const P: PaperCodeKind = 'PROGRESS';

// Consolidator and paper channel, every product. CON010-CON016 and CON09A are SEND codes that the
// DOMAIN.md table does not list; they are kept so that a raw import of SEND data is not refused.
add('CON080', ['ALL'], P, 'Stampata e imbustata', 'Printed and enveloped');
add('CON010', ['ALL'], P, 'Distinta elettronica inviata al recapitista', 'Electronic manifest sent to the postal operator');
add('CON011', ['ALL'], P, 'Distinta elettronica sigillata', 'Electronic manifest sealed');
add('CON012', ['ALL'], P, 'Distinta elettronica accettata dal recapitista', 'Electronic manifest accepted by the postal operator');
add('CON016', ['ALL'], P, 'Ritiro sigillato', 'Pickup sealed');
add('CON09A', ['ALL'], P, 'Materialità pronta', 'Physical item ready');
add('CON018', ['ALL'], P, 'Affidata al recapitista', 'Handed over to the postal operator');
add('CON020', ['ALL'], P, 'Affido conservato dal consolidatore', 'Hand-over archived by the consolidator');
for (const [code, it, en] of [
  ['CON993', 'Errore di stampa (parziale)', 'Printing error (partial)'],
  ['CON995', 'Errore di stampa', 'Printing error'],
  ['CON996', 'Scartata: PDF non valido', 'Rejected: invalid PDF'],
  ['CON997', 'Scartata: CAP o destinazione estera', 'Rejected: postcode or foreign destination'],
  ['CON998', 'Scartata: documento mancante', 'Rejected: missing document'],
] as const) add(code, ['ALL'], P, it, en, { isError: true });
for (const code of ['P008', 'P010', 'P011', 'P012', 'P013', 'P014']) {
  add(code, ['ALL'], P, 'Errore interno del canale cartaceo', 'Paper channel internal error', { isError: true });
}

// AR (raccomandata con avviso di ricevimento)
const AR = ['AR'] as const;
triple('RECRN001', 'ABC', AR, [P, P, 'OK'], 'Consegnata al destinatario', 'Delivered to the recipient');
triple('RECRN002', 'ABC', AR, [P, P, 'OK'], 'Mancata consegna (rifiuto, decesso): vale come notificata',
  'Not delivered (refused, deceased): counts as notified', { failureCauses: NOT_DELIVERED_CAUSES });
triple('RECRN002', 'DEF', AR, [P, P, 'KO'], 'Irreperibilità assoluta', 'Absolutely unreachable',
  { failureCauses: UNREACHABLE_CAUSES }, [{}, {}, { requiresFailureCause: true }]);
triple('RECRN003', 'ABC', AR, [P, P, 'OK'], 'Ritirata al punto di giacenza', 'Collected at the holding point',
  {}, [{}, {}, { giacenza: 'IN_GIACENZA' }]);
triple('RECRN004', 'ABC', AR, [P, P, 'OK'], 'Rifiutata al punto di giacenza', 'Refused at the holding point');
triple('RECRN005', 'ABC', AR, [P, P, 'OK'], 'Compiuta giacenza', 'Holding period expired',
  {}, [{}, {}, { giacenza: 'COMPIUTA_GIACENZA' }]);
add('RECRN006', AR, P, 'Furto, smarrimento o deterioramento: nuovo invio', 'Theft, loss or damage: sent again',
  { failureCauses: THEFT_CAUSES });
add('RECRN010', AR, P, 'Inesito: destinatario assente, avviso lasciato', 'Recipient absent, notice left');
add('RECRN011', AR, P, 'In giacenza', 'Held at the post office', { giacenza: 'IN_GIACENZA' });
add('RECRN013', AR, P, 'Non rendicontabile: nuovo invio', 'Not reportable: sent again');
add('RECRN015', AR, P, 'Causa di forza maggiore', 'Force majeure');
add('PNRN012', AR, 'OK', 'Perfezionamento d\'ufficio: 10 giorni dall\'inesito', 'Term lapsed 10 days after the notice',
  { generatedByPaperChannel: true, giacenza: 'COMPIUTA_GIACENZA' });

// 890 (atti giudiziari, Law 890/1982)
const N890 = ['890'] as const;
const RECAG012_FIRST = { finalOnlyBeforeRecag012: true } as const;
triple('RECAG001', 'ABC', N890, [P, P, 'OK'], 'Consegnata al destinatario', 'Delivered to the recipient');
triple('RECAG002', 'ABC', N890, [P, P, 'OK'], 'Consegnata a persona abilitata (familiare, portiere...)',
  'Delivered to an authorised person (family member, concierge...)');
triple('RECAG003', 'ABC', N890, [P, P, 'OK'], 'Mancata consegna (rifiuto, decesso): vale come notificata',
  'Not delivered (refused, deceased): counts as notified', { failureCauses: NOT_DELIVERED_CAUSES });
triple('RECAG003', 'DEF', N890, [P, P, 'KO'], 'Irreperibilità assoluta', 'Absolutely unreachable',
  { failureCauses: UNREACHABLE_CAUSES }, [{}, {}, { requiresFailureCause: true }]);
add('RECAG004', N890, P, 'Furto, smarrimento o deterioramento: nuovo invio', 'Theft, loss or damage: sent again',
  { failureCauses: THEFT_CAUSES });
triple('RECAG005', 'ABC', N890, [P, P, 'OK'], 'Ritirata al punto di giacenza', 'Collected at the holding point',
  {}, [{}, {}, { ...RECAG012_FIRST, giacenza: 'RITIRATA_IN_GIACENZA' }]);
triple('RECAG006', 'ABC', N890, [P, P, 'OK'], 'Ritirata da persona delegata al punto di giacenza',
  'Collected by a delegate at the holding point', {}, [{}, {}, { ...RECAG012_FIRST, giacenza: 'RITIRATA_IN_GIACENZA' }]);
triple('RECAG007', 'ABC', N890, [P, P, 'OK'], 'Rifiutata al punto di giacenza', 'Refused at the holding point',
  {}, [{}, {}, RECAG012_FIRST]);
triple('RECAG008', 'ABC', N890, [P, P, P], 'Compiuta giacenza', 'Holding period expired',
  {}, [{}, {}, { giacenza: 'COMPIUTA_GIACENZA' }]);
add('RECAG010', N890, P, 'Inesito: destinatario assente, avviso lasciato', 'Recipient absent, notice left');
add('RECAG011A', N890, P, 'In giacenza', 'Held at the post office', { group: 'RECAG011', giacenza: 'IN_GIACENZA' });
add('RECAG011B', N890, P, 'In giacenza (scansioni di 23L, CAD, ARCAD)', 'Held at the post office (scans of 23L, CAD, ARCAD)',
  { group: 'RECAG011', phase: 'B', carriesScans: true });
add('RECAG012', N890, 'OK', 'Decorsi 10 giorni dal deposito (accettazione 23L)', '10 days elapsed since the deposit (23L accepted)');
add('PNAG012', N890, 'OK', 'Distacco d\'ufficio 23L: fascicolo chiuso', '23L closed by the paper channel: file closed',
  { generatedByPaperChannel: true, giacenza: 'COMPIUTA_GIACENZA' });
add('RECAG013', N890, P, 'Non rendicontabile: nuovo invio', 'Not reportable: sent again');
add('RECAG015', N890, P, 'Causa di forza maggiore', 'Force majeure');

// RS (raccomandata semplice, the AAR after a digital failure). RECRS002A/B, 004A/B, 005A/B, 010 and
// 011 complete the DOMAIN.md rows "RECRS002A-F", "RECRS004C/005C" and the RECRS010 of section 1.
const RS = ['RS'] as const;
add('RECRS001C', RS, 'OK', 'Consegnata (fascicolo chiuso)', 'Delivered (file closed)', { group: 'RECRS001', phase: 'C' });
triple('RECRS002', 'ABC', RS, [P, P, 'KO'], 'Mancata consegna', 'Not delivered', { failureCauses: NOT_DELIVERED_CAUSES });
triple('RECRS002', 'DEF', RS, [P, P, 'KO'], 'Irreperibilità assoluta', 'Absolutely unreachable',
  { failureCauses: UNREACHABLE_CAUSES }, [{}, {}, { requiresFailureCause: true }]);
add('RECRS003C', RS, 'OK', 'Ritirata al punto di giacenza (fascicolo chiuso)', 'Collected at the holding point (file closed)',
  { group: 'RECRS003', phase: 'C' });
triple('RECRS004', 'ABC', RS, [P, P, 'KO'], 'Non ritirata al punto di giacenza', 'Not collected at the holding point');
triple('RECRS005', 'ABC', RS, [P, P, 'KO'], 'Compiuta giacenza', 'Holding period expired');
add('RECRS006', RS, P, 'Furto, smarrimento o deterioramento', 'Theft, loss or damage', { failureCauses: THEFT_CAUSES });
add('RECRS010', RS, P, 'Inesito: destinatario assente, avviso lasciato', 'Recipient absent, notice left');
add('RECRS011', RS, P, 'In giacenza', 'Held at the post office');
add('RECRS013', RS, P, 'Non rendicontabile', 'Not reportable');
add('RECRS015', RS, P, 'Causa di forza maggiore', 'Force majeure');

// International AR (RIR) and simple registered letter (RIS)
const RIR = ['RIR'] as const;
add('RECRI001', RIR, P, 'Avviata all\'estero', 'Sent abroad');
add('RECRI002', RIR, P, 'Entrata nel paese di destinazione', 'Entered the destination country');
triple('RECRI003', 'ABC', RIR, [P, P, 'OK'], 'Consegnata', 'Delivered');
triple('RECRI004', 'ABC', RIR, [P, P, 'KO'], 'Non consegnata', 'Not delivered',
  { failureCauses: [...UNREACHABLE_CAUSES, 'M02', 'M05'] }, [{}, {}, { requiresFailureCause: true }]);
add('RECRI005', RIR, P, 'Furto o smarrimento', 'Theft or loss', { failureCauses: THEFT_CAUSES });
const RIS = ['RIS'] as const;
add('RECRSI003C', RIS, 'OK', 'Consegnata (fascicolo chiuso)', 'Delivered (file closed)', { group: 'RECRSI003', phase: 'C' });
triple('RECRSI004', 'ABC', RIS, [P, P, 'KO'], 'Non consegnata', 'Not delivered');
add('RECRSI005', RIS, P, 'Furto o smarrimento', 'Theft or loss', { failureCauses: THEFT_CAUSES });

/** Every known paper event code (DOMAIN.md 7.4). */
export const PAPER_CODES: Readonly<Record<string, PaperCodeInfo>> = table;

/** The table row of a code, or undefined for an unknown code. */
export function paperCodeInfo(code: string): PaperCodeInfo | undefined {
  return Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
}

/** True when the code exists for the product (codes marked ALL exist for every product). */
export function isCodeOfProduct(info: PaperCodeInfo, product: PaperProduct): boolean {
  return info.products.includes('ALL') || info.products.includes(product);
}

/** RS and RIS (the AAR letters after a digital failure) only ever make SIMPLE_REGISTERED_LETTER_PROGRESS (DOMAIN.md 7.4). */
export function isSimpleRegisteredLetter(product: PaperProduct): boolean {
  return product === 'RS' || product === 'RIS';
}

/** The product of SEND's `productType` spellings (AR, 890, RS, RN_AR, RN_890, RN_RS, RI_AR, RI_RS, RIR, RIS). */
export function paperProductOf(productType: string): PaperProduct | undefined {
  const map: Record<string, PaperProduct> = {
    AR: 'AR', RN_AR: 'AR', '890': '890', RN_890: '890', RS: 'RS', RN_RS: 'RS', RIR: 'RIR', RI_AR: 'RIR', RIS: 'RIS', RI_RS: 'RIS',
  };
  return map[productType];
}

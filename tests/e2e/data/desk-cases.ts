// The RADD desk cases (DOMAIN.md 9, 10, 13), relative to `now`: built with the core simulator,
// stored through the timeline write path, with real act PDFs in the file store and AAR tokens for
// the QR look-up. Used by the desk e2e spec (`test.use({ seed })`), the integration tests and the
// bench. Deterministic for the same `now`.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { createHash } from 'node:crypto';
import {
  buildActCompletionElements,
  buildAarToken,
  formatInstant,
  makeDemoNotification,
  makeTaxId,
  simulateUntil,
  type Notification,
  type NotificationRecipient,
  type SimulationPath,
  type TimelineElementInput,
} from '../../../core/index.js';
import type { Store } from '../../../db/store.js';

const DAY = 86_400_000;

export interface DeskPerson {
  taxId: string;
  denomination: string;
}

function person(name: string, surname: string, birthDate: string, female: boolean, cadastralCode: string): DeskPerson {
  return { taxId: makeTaxId({ surname, name, birthDate, female, cadastralCode }), denomination: `${name} ${surname}` };
}

/** The people at the counter. */
export const PEOPLE = {
  /** Collects by QR (scenario 4b). */
  recipient: person('Giulia', 'Verdi', '1978-04-12', true, 'H501'),
  /** Sends a delegate. */
  delegator: person('Antonio', 'Esposito', '1949-11-03', false, 'F839'),
  /** The delegate, with an accepted mandate of the delegator. */
  delegate: person('Lucia', 'Ferrari', '1983-07-21', true, 'F205'),
  /** Unreachable for three notifications: AOR. */
  unreachable: person('Paolo', 'Russo', '1965-02-08', false, 'L219'),
  /** Recipient of the notifications that cannot be served (errors). */
  other: person('Francesca', 'Romano', '1990-09-30', true, 'A944'),
  /** Collects at the desk whose operation another desk completes. */
  elsewhere: person('Marco', 'Gallo', '1972-05-17', false, 'G273'),
  /** Collects in the operation interrupted by a host restart. */
  restart: person('Elena', 'Costa', '1988-12-01', true, 'D612'),
  /** A delegate without any mandate. */
  stranger: person('Sergio', 'Marino', '1975-03-15', false, 'C351'),
} as const;

export const MANDATE_ID = '3f0c8a52-7d41-4b8e-9c2a-5e6f7a8b9c0d';

export type DeskCaseName =
  | 'qrPickup' | 'delegatePickup' | 'aor1' | 'aor2' | 'aor3' | 'cancelled' | 'refused' | 'expired'
  | 'alreadyCollected' | 'actMissing' | 'elsewhere' | 'restart';

export interface DeskCase {
  name: DeskCaseName;
  notification: Notification;
  timeline: TimelineElementInput[];
  /** The AAR QR token of recipient 0 and the QR content (URL) a scanner reads. */
  token: string;
  qrUrl: string;
  /** Whether the act PDFs are put in the file store. */
  withActs: boolean;
}

interface CaseSpec { path: SimulationPath; daysAgo: number; who: DeskPerson; withActs?: boolean }

const SPECS: Record<DeskCaseName, CaseSpec> = {
  qrPickup: { path: 'ANALOG_890_DELIVERED', daysAgo: 16, who: PEOPLE.recipient },
  delegatePickup: { path: 'GIACENZA_COLLECTED', daysAgo: 24, who: PEOPLE.delegator },
  aor1: { path: 'UNREACHABLE', daysAgo: 75, who: PEOPLE.unreachable },
  aor2: { path: 'UNREACHABLE', daysAgo: 68, who: PEOPLE.unreachable },
  aor3: { path: 'UNREACHABLE', daysAgo: 61, who: PEOPLE.unreachable },
  cancelled: { path: 'CANCELLED', daysAgo: 50, who: PEOPLE.other },
  refused: { path: 'REFUSED', daysAgo: 12, who: PEOPLE.other },
  expired: { path: 'PEC_FIRST_TRY', daysAgo: 140, who: PEOPLE.other },
  alreadyCollected: { path: 'ANALOG_AR_DELIVERED', daysAgo: 30, who: PEOPLE.other },
  actMissing: { path: 'ANALOG_AR_DELIVERED', daysAgo: 22, who: PEOPLE.other, withActs: false },
  elsewhere: { path: 'ANALOG_890_DELIVERED', daysAgo: 18, who: PEOPLE.elsewhere },
  restart: { path: 'ANALOG_890_DELIVERED', daysAgo: 19, who: PEOPLE.restart },
};

const uuid = (n: number, salt: number) => `${(0x10000000 + salt).toString(16)}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A small real PDF standing for a notified act (the demo has no sender PDFs of its own). */
export async function actPdf(iun: string, title: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('Atto notificato tramite SEND', { x: 60, y: 760, size: 16, font });
  page.drawText(title, { x: 60, y: 730, size: 12, font });
  page.drawText(`IUN ${iun}`, { x: 60, y: 710, size: 12, font });
  return doc.save({ useObjectStreams: false });
}

function withPerson(n: Notification, who: DeskPerson): Notification {
  const r0 = n.recipients[0] as NotificationRecipient;
  return { ...n, recipients: [{ ...r0, taxId: who.taxId, denomination: who.denomination, recipientType: 'PF' }, ...n.recipients.slice(1)] };
}

async function withRealActs(n: Notification): Promise<{ notification: Notification; pdfs: Uint8Array[] }> {
  const pdfs = await Promise.all(n.documents.map((d) => actPdf(n.iun, d.title)));
  const documents = n.documents.map((d, i) => ({ ...d, digests: { sha256: createHash('sha256').update(pdfs[i]!).digest('base64') } }));
  return { notification: { ...n, documents }, pdfs };
}

const cache = new Map<number, Promise<Array<DeskCase & { pdfs: Uint8Array[] }>>>();

/** The cases for a given `now` (ms), built once per process. */
export function deskCases(nowMs: number): Promise<Array<DeskCase & { pdfs: Uint8Array[] }>> {
  let built = cache.get(nowMs);
  if (!built) {
    built = Promise.all((Object.keys(SPECS) as DeskCaseName[]).map(async (name, i) => {
      const spec = SPECS[name];
      const sentAt = formatInstant(nowMs - spec.daysAgo * DAY);
      const base = withPerson(makeDemoNotification(`desk-${name}`, { sentAt, paths: spec.path, recipientTypes: ['PF'] }), spec.who);
      const { notification, pdfs } = await withRealActs(base);
      const timeline = simulateUntil(notification, spec.path, `desk-timeline-${name}`, formatInstant(nowMs));
      const token = buildAarToken(notification.iun, `PF-${uuid(i, 1)}`, uuid(i, 2));
      return { name, notification, timeline, token, qrUrl: `https://cittadini.notifichedigitali.it/notifica?aar=${token}`, withActs: spec.withActs ?? true, pdfs };
    }));
    cache.set(nowMs, built);
  }
  return built;
}

export async function deskCase(nowMs: number, name: DeskCaseName): Promise<DeskCase> {
  const found = (await deskCases(nowMs)).find((c) => c.name === name);
  if (!found) throw new Error(`no desk case ${name}`);
  return found;
}

/** Ten completed pickups of `iun` at another desk: the print limit (DOMAIN.md 10.1) is reached. */
async function seedPrintedTenTimes(store: Store, c: DeskCase, nowMs: number): Promise<void> {
  const taxId = c.notification.recipients[0]!.taxId;
  for (let k = 0; k < 10; k++) {
    const startedAt = formatInstant(nowMs - (10 - k) * DAY + 3_600_000);
    const operationId = uuid(k, 9);
    const tx = {
      operationId, state: 'COMPLETED' as const, iuns: [c.notification.iun], startedAt, completedAt: startedAt, abortedAt: null, abortReason: null, errorReason: null, updatedAt: startedAt,
      start: { operationType: 'ACT' as const, recipientTaxId: taxId, recipientType: 'PF' as const, delegateTaxId: null, iun: c.notification.iun, qrCode: null, fileKey: null, checksum: null, operationDate: startedAt },
    };
    await store.raddTransactions.create(tx);
    if (k === 0) await store.timeline.appendElements(c.notification.iun, buildActCompletionElements({ iun: c.notification.iun, recipientIndex: 0, startedAt, operationId, recipientViewedAt: null }));
  }
}

/** Inserts every case (notifications, act files, AAR tokens, the delegation, the earlier prints). */
export async function seedDeskCases(store: Store, nowMs: number): Promise<DeskCase[]> {
  const cases = await deskCases(nowMs);
  await store.timeline.importNotifications(cases.map((c) => ({ notification: c.notification, elements: c.timeline })), { keepEngineState: true });
  for (const c of cases) {
    await store.aarTokens.put(c.token, c.notification.iun, 0);
    if (!c.withActs) continue;
    for (const [i, pdf] of c.pdfs.entries()) {
      const { sha256 } = await store.files.put(pdf);
      await store.notifications.setDocumentRef(c.notification.iun, i, sha256);
    }
  }
  await store.deskMandates.put({
    mandateId: MANDATE_ID, delegatorTaxId: PEOPLE.delegator.taxId, delegateTaxId: PEOPLE.delegate.taxId, delegateDenomination: PEOPLE.delegate.denomination,
    delegateType: 'PF', validFrom: formatInstant(nowMs - 90 * DAY), validTo: null, createdAt: formatInstant(nowMs - 90 * DAY),
  });
  await seedPrintedTenTimes(store, cases.find((c) => c.name === 'alreadyCollected')!, nowMs);
  return cases;
}

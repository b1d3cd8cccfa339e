// Realistic demo notifications (DOMAIN.md 2, scenarios' `notification` shape): Italian senders,
// recipients with valid codici fiscali / partite IVA, valid IUNs, documents with SHA-256 digests,
// pagoPA notices, addresses with real CAP and province. Deterministic from the seed.
import { iunYearMonthOf, makeIun, pickIunLetters } from '../identifiers/iun.js';
import { makeTaxId, makeVatNumber } from '../identifiers/tax-id.js';
import type { IsoInstant, Notification, NotificationDocument, NotificationRecipient, PaymentNotice, PhysicalAddress, PhysicalCommunicationType, RecipientType } from '../model/types.js';
import { addDays24h, formatInstant, formatRomeDate, parseInstant, romeLocalToEpochMs, romeWallClock } from '../time/index.js';
import { ACT_KINDS, CITIES, COMPANY_ACTIVITIES, COMPANY_FORMS, FEMALE_NAMES, MALE_NAMES, SENDERS, SURNAMES, type DemoActKind, type DemoCity, type DemoSender } from './demo-data.js';
import { needsDigitalDomicile, type SimulationPath } from './paths.js';
import { createRng, type Rng } from './prng.js';
import { sha256Base64 } from './sha256.js';

export interface DemoNotificationOptions {
  /** Deposit time; default: drawn from `sentBetween`, on a weekday in office hours. */
  sentAt?: IsoInstant;
  /** Default 2025-06-02 .. 2026-05-29. */
  sentBetween?: { from: IsoInstant; to: IsoInstant };
  /** Default 1. */
  recipientCount?: number;
  /** Tailors the notification to the paths that will be simulated (PEC domicile, paper product). */
  paths?: SimulationPath | readonly SimulationPath[];
  /** Per recipient; default PF with 10% PG. */
  recipientTypes?: readonly RecipientType[];
  physicalCommunicationType?: PhysicalCommunicationType;
  /** Tax code of one of the demo SENDERS: the sender (default: drawn among them). */
  senderTaxId?: string;
}

const DEFAULT_WINDOW = { from: '2025-06-02T00:00:00+02:00', to: '2026-05-29T00:00:00+02:00' };

const digits = (rng: Rng, n: number): string => Array.from({ length: n }, () => String(rng.int(10))).join('');
const slug = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '');

/** A weekday deposit time between 08:00 and 21:30 Rome (evening deposits exercise the 21:00 rule). */
function drawSentAt(rng: Rng, window: { from: IsoInstant; to: IsoInstant }): number {
  const from = parseInstant(window.from);
  const to = parseInstant(window.to);
  let day = from + rng.int(Math.max(1, Math.floor((to - from) / 86_400_000))) * 86_400_000;
  while ([0, 6].includes(romeWallClock(day).weekday)) day += 86_400_000;
  const w = romeWallClock(day);
  const minutes = rng.chance(0.1) ? rng.between(20 * 60 + 30, 21 * 60 + 30) : rng.between(8 * 60, 18 * 60);
  return romeLocalToEpochMs(w.year, w.month, w.day, Math.floor(minutes / 60), minutes % 60, rng.int(60));
}

function drawAddress(rng: Rng, city: DemoCity): PhysicalAddress {
  const [street, zip] = rng.pick(city.streets);
  return { address: `${street} ${rng.between(1, 180)}`, zip, municipality: city.municipality, province: city.province };
}

function drawPerson(rng: Rng): NotificationRecipient {
  const female = rng.chance(0.5);
  const name = rng.pick(female ? FEMALE_NAMES : MALE_NAMES);
  const surname = rng.pick(SURNAMES);
  const born = rng.pick(CITIES);
  const birthDate = `${rng.between(1940, 2004)}-${String(rng.between(1, 12)).padStart(2, '0')}-${String(rng.between(1, 28)).padStart(2, '0')}`;
  const taxId = makeTaxId({ surname, name, birthDate, female, cadastralCode: born.cadastralCode });
  return { taxId, recipientType: 'PF', denomination: `${name} ${surname}`, physicalAddress: drawAddress(rng, rng.chance(0.6) ? born : rng.pick(CITIES)) };
}

function drawCompany(rng: Rng): NotificationRecipient {
  const city = rng.pick(CITIES);
  const denomination = `${rng.pick(SURNAMES)} ${rng.pick(COMPANY_ACTIVITIES)} ${rng.pick(COMPANY_FORMS)}`;
  const taxId = makeVatNumber(`0${digits(rng, 6)}${city.provinceNumber}`);
  return { taxId, recipientType: 'PG', denomination, physicalAddress: drawAddress(rng, city) };
}

function pecOf(r: NotificationRecipient): string {
  const local = r.recipientType === 'PF' ? r.denomination.split(' ').map(slug).join('.') : slug(r.denomination);
  return `${local}@pec.example.it`;
}

function drawPayment(rng: Rng, sender: DemoSender, kind: DemoActKind, sentMs: number): PaymentNotice[] {
  if (!kind.amountCents) return [];
  const [min, max] = kind.amountCents;
  // pagoPA notice number: aux digit 3, 2-digit segregation code, 15-digit IUV (18 digits).
  const noticeCode = `3${String(rng.between(1, 99)).padStart(2, '0')}${digits(rng, 15)}`;
  return [{ noticeCode, creditorTaxId: sender.taxId, amountCents: rng.between(min / 10, max / 10) * 10, dueDate: formatRomeDate(addDays24h(sentMs, 60)) }];
}

function drawDocuments(rng: Rng, iun: string, kind: DemoActKind): NotificationDocument[] {
  const titles = [kind.documentTitle, ...(rng.chance(0.4) ? ['Allegato - prospetto di calcolo'] : [])];
  // The digest stands for a PDF the demo does not have: SHA-256 of a deterministic text.
  return titles.map((title, i) => ({ title, contentType: 'application/pdf', digests: { sha256: sha256Base64(`${iun}|${i}|${title}`) } }));
}

function pathList(opts: DemoNotificationOptions, count: number): readonly (SimulationPath | undefined)[] {
  const p = opts.paths;
  if (p === undefined) return Array.from({ length: count }, () => undefined);
  return typeof p === 'string' ? Array.from({ length: count }, () => p) : p;
}

function productFor(rng: Rng, paths: readonly (SimulationPath | undefined)[], forced?: PhysicalCommunicationType): PhysicalCommunicationType {
  if (forced) return forced;
  if (paths.includes('ANALOG_AR_DELIVERED')) return 'AR_REGISTERED_LETTER';
  if (paths.includes('ANALOG_890_DELIVERED')) return 'REGISTERED_LETTER_890';
  return rng.chance(0.6) ? 'REGISTERED_LETTER_890' : 'AR_REGISTERED_LETTER';
}

function drawRecipient(rng: Rng, type: RecipientType, path: SimulationPath | undefined): NotificationRecipient {
  const r = type === 'PG' ? drawCompany(rng) : drawPerson(rng);
  // A special PEC domicile when the path needs one; otherwise sometimes, for the view paths.
  // Paths that draw their own story (or none) get a PEC domicile as often as the demo mix has one.
  const free = path === undefined || path === 'CANCELLED' || path === 'IN_PROGRESS' || path === 'REFUSED';
  const withPec = free ? rng.chance(0.3) : needsDigitalDomicile(path) || (path === 'VIEWED_ONLINE_AFTER_TERM' && rng.chance(0.5));
  return withPec ? { ...r, digitalDomicile: { type: 'PEC', address: pecOf(r) } } : r;
}

function subjectOf(rng: Rng, kind: DemoActKind, sentMs: number): string {
  const year = romeWallClock(sentMs).year - kind.yearsBack;
  return kind.subject.replace('{n}', String(rng.between(1000, 99999))).replace('{y}', String(year));
}

/** A realistic notification, the same for the same seed and options. */
export function makeDemoNotification(seed: number | string, opts: DemoNotificationOptions = {}): Notification {
  const rng = createRng(seed);
  const count = opts.recipientCount ?? (typeof opts.paths === 'object' ? opts.paths.length : 1);
  const sentMs = opts.sentAt ? parseInstant(opts.sentAt) : drawSentAt(rng, opts.sentBetween ?? DEFAULT_WINDOW);
  const sentAt = formatInstant(sentMs);
  const iun = makeIun(pickIunLetters((n) => rng.int(n)), iunYearMonthOf(sentAt));
  // Drawn even when chosen: the rest of the notification stays what it is for this seed.
  const drawn = rng.pick(SENDERS);
  const sender = opts.senderTaxId === undefined ? drawn : SENDERS.find((x) => x.taxId === opts.senderTaxId) ?? drawn;
  const kind = rng.pick(ACT_KINDS[sender.kind]);
  const paths = pathList(opts, count);
  const recipients = Array.from({ length: count }, (_, i) => {
    const type = opts.recipientTypes?.[i] ?? (rng.chance(0.1) ? 'PG' : 'PF');
    const r = drawRecipient(rng, type, paths[i]);
    const payments = drawPayment(rng, sender, kind, sentMs);
    return payments.length > 0 ? { ...r, payments } : r;
  });
  return {
    iun,
    sentAt,
    senderDenomination: sender.denomination,
    senderTaxId: sender.taxId,
    subject: subjectOf(rng, kind, sentMs),
    abstract: kind.abstract,
    paProtocolNumber: `${sender.protocol}/${romeWallClock(sentMs).year}/${digits(rng, 7)}`,
    physicalCommunicationType: productFor(rng, paths, opts.physicalCommunicationType),
    recipients,
    documents: drawDocuments(rng, iun, kind),
  };
}

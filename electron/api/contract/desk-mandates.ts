// Delegations registered at the desk (DOMAIN.md 1 "Delegate", 10 step 1): the "Deleghe" screen
// lists the mandates of a tax code (as delegator or delegate), registers one, and revokes one by
// ending its validity (never deleted). The counter then finds them when a delegate collects.
import { z } from 'zod';
import { checkMandateDraft, parseRecipientTaxId, type IsoInstant, type MandateState, type NewMandate, type RecipientType } from '../../../core/index.js';
import { op, t } from './op.js';
import { alongOtherErrors, recipientTypeSchema, requestIdSchema, taxIdSchema, type Unchecked } from './schemas.js';

const clerkOrAdmin = ['clerk', 'admin'] as const;

/** One mandate as the screen shows it; state and revocability are the core's. */
export interface DeskMandateView {
  mandateId: string;
  delegatorTaxId: string;
  delegateTaxId: string;
  delegateDenomination: string;
  delegateType: RecipientType;
  validFrom: IsoInstant | null;
  validTo: IsoInstant | null;
  createdAt: IsoInstant;
  state: MandateState;
  revocable: boolean;
}

export interface DeskMandateList {
  taxId: string;
  items: DeskMandateView[];
  /** More mandates exist than the list shows. */
  truncated: boolean;
}

type MandateProblems = Extract<ReturnType<typeof checkMandateDraft>, { ok: false }>['problems'];

function addProblems(ctx: z.RefinementCtx, problems: MandateProblems): void {
  for (const p of problems) ctx.addIssue({ code: 'custom', path: [p.field], message: p.code, params: { code: p.code, ...p.params } });
}

/** The core's checks of the form, run next to the other fields' errors (a field the type check refused is left to it). */
function mandateProblems(value: unknown, ctx: z.RefinementCtx): void {
  const v = value as Unchecked;
  const text = (k: string): string => (typeof v[k] === 'string' ? (v[k] as string) : '');
  // Without a valid type (its own error is shown), PG: it takes both an 11-digit number and a codice fiscale.
  const delegateType = v.delegateType === 'PF' ? 'PF' : 'PG';
  const r = checkMandateDraft({
    delegatorTaxId: text('delegatorTaxId'),
    delegateTaxId: text('delegateTaxId'),
    delegateDenomination: text('delegateDenomination'),
    delegateType,
    validFrom: text('validFrom'),
    ...(typeof v.validTo === 'string' ? { validTo: v.validTo } : {}),
  });
  if (!r.ok) addProblems(ctx, r.problems.filter((p) => v[p.field] === undefined || typeof v[p.field] === 'string'));
}

/** The tax code as the core reads it (spaces dropped, upper case): the one stored. */
const taxIdAsRead = (raw: string): string => {
  const r = parseRecipientTaxId(raw);
  return r.ok ? r.value : raw;
};

/** The form; the core checks both tax codes, that they differ, and the days (DOMAIN.md 2.2, 2.3). */
export const mandateDraftSchema = z
  .strictObject({
    delegatorTaxId: z.string().max(32),
    delegateTaxId: z.string().max(32),
    delegateDenomination: z.string().max(200),
    delegateType: recipientTypeSchema,
    validFrom: z.string().max(20),
    validTo: z.string().max(20).optional(),
  })
  .superRefine(mandateProblems, alongOtherErrors)
  .transform((v, ctx): NewMandate => {
    const r = checkMandateDraft(v);
    if (r.ok) return { ...r.value, delegatorTaxId: taxIdAsRead(v.delegatorTaxId), delegateTaxId: taxIdAsRead(v.delegateTaxId) };
    addProblems(ctx, r.problems);
    return z.NEVER;
  });

const mandateIdSchema = z.string().trim().toLowerCase().regex(/^[0-9a-f-]{36}$/, 'UUID');

export const deskMandatesContract = {
  'desk.listMandates': op({
    input: z.strictObject({ taxId: taxIdSchema }),
    output: t<DeskMandateList>(),
    roles: clerkOrAdmin,
    doc: 'The delegations of a tax code, as delegator or as delegate, newest first, with their state now',
  }),
  'desk.createMandate': op({
    input: z.strictObject({ mandate: mandateDraftSchema, requestId: requestIdSchema.optional() }),
    output: t<DeskMandateView>(),
    roles: clerkOrAdmin,
    doc: 'Register a delegation from a recipient (PF or PG) to a delegate for a period of days; idempotent on the requestId chosen by the screen',
    mutates: true,
    auditTargets: (_input, out) => (out ? [out.mandateId] : []),
  }),
  'desk.revokeMandate': op({
    input: z.strictObject({ mandateId: mandateIdSchema }),
    output: t<DeskMandateView>(),
    roles: clerkOrAdmin,
    doc: 'Revoke a delegation: its validity ends now; the record stays, for the log. Revoked again, it answers the first revocation',
    mutates: true,
    auditTargets: (input) => [input.mandateId],
  }),
};

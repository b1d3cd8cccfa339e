// The delegate at the counter (DOMAIN.md 1 "Delegate", 10 step 1): a person (PF, codice fiscale)
// or a company (PG, e.g. a CAF: 11-digit partita IVA, DOMAIN.md 2.3). A company collects through a
// person who represents it; that person's identity document is the delegate document checked at
// the counter, while the tax id, the mandate and delegateInfo (10 "Delegate viewing") are the company's.
import type { ErrorCode } from '../errors/index.js';
import { parseRecipientTaxId, type TaxIdResult } from '../identifiers/tax-id.js';
import type { RecipientType } from '../model/types.js';
import { normaliseTaxId } from './act-inquiry.js';

/** A delegate is a person unless the clerk says it is a company. */
export const DEFAULT_DELEGATE_TYPE: RecipientType = 'PF';

/**
 * The delegate's tax id by the type chosen: PF the 16-character codice fiscale only; PG the 11
 * digits (or a sole trader's personal code), the same parser the mandate form uses, so that every
 * registered delegate can be identified at the counter.
 */
export function parseDelegateTaxId(input: string, delegateType: RecipientType = DEFAULT_DELEGATE_TYPE): TaxIdResult {
  return parseRecipientTaxId(input, delegateType);
}

export interface DelegateIdentityInput {
  recipientTaxId: string;
  delegateTaxId: string;
  delegateType?: RecipientType | undefined;
}

export type DelegateIdentityResult =
  | { ok: true; taxId: string; delegateType: RecipientType }
  | { ok: false; code: ErrorCode; params: Record<string, string | number> };

/** A valid tax id of the type chosen, and not the recipient's own (who then collects in person). */
export function checkDelegateIdentity(input: DelegateIdentityInput): DelegateIdentityResult {
  const delegateType = input.delegateType ?? DEFAULT_DELEGATE_TYPE;
  const parsed = parseDelegateTaxId(input.delegateTaxId, delegateType);
  if (!parsed.ok) return { ok: false, code: parsed.code, params: parsed.params };
  if (parsed.value === normaliseTaxId(input.recipientTaxId)) return { ok: false, code: 'DELEGATE_IS_RECIPIENT', params: {} };
  return { ok: true, taxId: parsed.value, delegateType };
}

// DOMAIN.md 6: legal facts.
export { LEGAL_FACT_RULES, legalFactRuleOf, legalFactId, appendRecipientLegalFacts, notificationLegalFacts } from './legal-facts.js';
export type { LegalFactRule } from './legal-facts.js';

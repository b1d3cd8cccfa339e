// The paper sub-label of a DELIVERED notification in the sender view (DOMAIN.md 13).
import { paperCodeInfo, type GiacenzaSubLabel, type LocalizedText } from './codes.js';

export const SUB_LABEL_TEXT: Readonly<Record<GiacenzaSubLabel, LocalizedText>> = {
  IN_GIACENZA: { it: 'in giacenza', en: 'held at the post office' },
  RITIRATA_IN_GIACENZA: { it: 'ritirata in giacenza', en: 'collected at the post office' },
  COMPIUTA_GIACENZA: { it: 'compiuta giacenza', en: 'holding period expired' },
};

/**
 * The sub-label given by the last paper event code (codes in business-time order), or null.
 * Scans (B/E, RECAG011B) arrive after the outcome and say nothing about where the item is, so they
 * are skipped, as are unknown codes; DOMAIN.md 13 maps RECRN003C to "in giacenza" and so does this.
 */
export function deliveredSubLabel(codes: readonly string[]): GiacenzaSubLabel | null {
  for (let i = codes.length - 1; i >= 0; i--) {
    const info = paperCodeInfo(codes[i] as string);
    if (!info || info.carriesScans) continue;
    return info.giacenza ?? null;
  }
  return null;
}

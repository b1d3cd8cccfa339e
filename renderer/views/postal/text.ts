// Joining host messages into the screen's sentences (presentation only).

/**
 * A message put after a colon ("Non registrabile ora: la giacenza…"): its first word lowercased,
 * unless it is an acronym or a code (IUN, RECRN011), which keep their capitals (a one-letter
 * word, "È", is lowercased).
 */
export function afterColon(message: string): string {
  return /^\p{Lu}(\p{Ll}|[\s'’])/u.test(message) ? message.charAt(0).toLocaleLowerCase('it') + message.slice(1) : message;
}

// Dutch texts address the agent formally ("u", "uw"), as the Dutch source document of the spec
// does. This finds informal pronouns of address ("je", "jij", "jouw", "jou", "jullie", "jezelf",
// "alsjeblieft") so a mix of "U verwerkt…" and "in jouw tijdzone" cannot come back.

/** Informal Dutch pronouns of address, as whole words (case-insensitive). */
export const INFORMAL_ADDRESS = /(?<![\p{L}\p{N}])(je|jij|jouw|jou|jullie|jezelf|jijzelf|alsjeblieft)(?![\p{L}\p{N}])/iu;

/**
 * The entries of `translations` (id → Dutch text) that use an informal pronoun of address.
 * @param {Record<string, string>} translations
 * @returns {string[]} `id: text (word)` for each offending entry
 */
export function informalAddress(translations) {
  const found = [];
  for (const [id, text] of Object.entries(translations)) {
    const match = INFORMAL_ADDRESS.exec(text);
    if (match) found.push(`${id}: ${text} ("${match[1]}")`);
  }
  return found;
}

/** Lower-case, accent-free, single-spaced form of a text, for matching names ("Zoë  Brouwer" → "zoe brouwer"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The comparable tail of a phone number: its last 9 digits, so `+44 20 7946 0321` and
 * `020 7946 0321` match. Returns '' for fewer than 7 digits.
 */
export function phoneKey(phone: string | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  return digits.length < 7 ? '' : digits.slice(-9);
}

/** Whether `text` looks like an e-mail address. */
export function isEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}

/** Whether a file (name and MIME type) matches one of the allowed types (`image/*`, `application/pdf`, `.csv`). */
export function isFileTypeAllowed(name: string, type: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  const lowerName = name.toLowerCase();
  const lowerType = type.toLowerCase();
  return allowed.some((entry) => {
    const rule = entry.toLowerCase().trim();
    if (rule.startsWith('.')) return lowerName.endsWith(rule);
    if (rule.endsWith('/*')) return lowerType.startsWith(rule.slice(0, -1));
    return lowerType === rule;
  });
}

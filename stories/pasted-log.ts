/**
 * A log of `lines` lines (about 60 characters each, with markdown bold) as customers paste them
 * into a chat: over 3,000 characters from 50 lines, so a list of messages clips it with "Show
 * full message".
 */
export function pastedLog(lines: number): string {
  return Array.from(
    { length: lines },
    (_, i) => `${String(i + 1).padStart(3, '0')} 03:${String(i % 60).padStart(2, '0')} sync **failed** for order ${4200 + i}, retrying`,
  ).join('\n');
}

import { type TemplateResult, css, html } from 'lit';

/**
 * Avatars with initials, coloured by a hash of the name, shared by every element so a person keeps
 * one colour everywhere. The name is untrusted text; only its initials are rendered, as text.
 */

/** Up to two initials of a name ("Mira Okafor" → "MO"); "?" for an empty name. */
export function initials(name: string): string {
  const words = name
    .replace(/[<>"'`(){}[\]]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => /\p{L}|\p{N}/u.test(w));
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!).find((c) => /\p{L}|\p{N}/u.test(c)) ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!).find((c) => /\p{L}|\p{N}/u.test(c)) ?? '') : '';
  return (first + last).toLocaleUpperCase() || '?';
}

/** A hue (0–359) from a hash of the name, so a person keeps their colour everywhere. */
export function nameHue(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** A round avatar with the initials of `name`, coloured from its hash; hidden from assistive tech. */
export function renderAvatar(name: string, size: 'small' | 'medium' | 'large' = 'medium'): TemplateResult {
  return html`<span class="avatar ${size}" aria-hidden="true" style="--_hue: ${nameHue(name)}">${initials(name)}</span>`;
}

/** Styles of {@link renderAvatar}. */
export const avatarStyles = css`
  .avatar {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: 36px;
    height: 36px;
    border-radius: 50%;
    /* Every hue keeps ≥ 5.7:1 (light) and ≥ 7:1 (dark) between initials and background. */
    background: light-dark(hsl(var(--_hue) 60% 90%), hsl(var(--_hue) 35% 24%));
    color: light-dark(hsl(var(--_hue) 60% 24%), hsl(var(--_hue) 60% 90%));
    font-weight: 600;
    font-size: 13px;
    letter-spacing: 0.02em;
    user-select: none;
  }
  .avatar.small {
    width: 28px;
    height: 28px;
    font-size: 11px;
  }
  .avatar.large {
    width: 48px;
    height: 48px;
    font-size: 16px;
  }
`;

import { type TemplateResult, css, html } from 'lit';

/**
 * Avatars with initials, coloured by a hash of the name (shared by the session list and the
 * dashboard). The name is untrusted text; only its initials are rendered, as text.
 */

/** Up to two initials of a name ("Mira Okafor" → "MO"). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1]!)[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** A stable hue (0–359) from a name. */
export function hue(name: string): number {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
  return h % 360;
}

/**
 * An avatar circle with the name's initials (decorative: the name is shown beside it).
 * @param size `small` (28px) or `medium` (36px, default)
 */
export function renderAvatar(name: string, size: 'small' | 'medium' = 'medium'): TemplateResult {
  return html`<span class="avatar ${size}" aria-hidden="true" style="--_hue:${hue(name)}">${initials(name)}</span>`;
}

/** Styles of {@link renderAvatar}. */
export const avatarStyles = css`
  .avatar {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border-radius: 50%;
    background: light-dark(hsl(var(--_hue) 70% 90%), hsl(var(--_hue) 35% 28%));
    color: light-dark(hsl(var(--_hue) 55% 28%), hsl(var(--_hue) 70% 86%));
    font-size: 13px;
    font-weight: 600;
    letter-spacing: 0.02em;
    user-select: none;
    overflow: hidden;
    white-space: nowrap;
  }
  .avatar.small {
    width: 28px;
    height: 28px;
    font-size: 11px;
  }
`;

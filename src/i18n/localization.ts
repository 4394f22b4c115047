import { configureLocalization } from '@lit/localize';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';

/** Locales that ship: English (source) and Dutch. */
export type ChatLocale = 'en' | 'nl';

/** Every locale code the library can show. */
export const chatLocales: readonly string[] = [sourceLocale, ...targetLocales];

const localization = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => {
    switch (locale) {
      case 'nl':
        return import('../generated/locales/nl.js');
      default:
        throw new Error(`Unsupported locale ${locale}`);
    }
  },
});

/**
 * Switch every chat element on the page to a locale. Unknown or regional codes fall back to
 * their language (`nl-BE` → `nl`) and then to English. The locale is page-wide, because the
 * localisation layer is.
 * @param locale a BCP 47 code such as `en`, `nl` or `nl-NL`
 * @returns resolves when the locale's strings are loaded and elements re-render
 */
export function setChatLocale(locale: string | null | undefined): Promise<void> {
  return localization.setLocale(resolveChatLocale(locale));
}

/** The locale chat elements show now (`en` or `nl`). */
export function getChatLocale(): string {
  return localization.getLocale();
}

/** Map any BCP 47 code to a shipped locale (`nl-BE` → `nl`; unknown → `en`). */
export function resolveChatLocale(locale: string | null | undefined): ChatLocale {
  const language = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return language === 'nl' ? 'nl' : 'en';
}

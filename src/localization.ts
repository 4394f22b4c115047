export { setChatLocale, getChatLocale, resolveChatLocale, chatLocales, type ChatLocale } from './i18n/localization.js';

import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from '../i18n/en';
import { it } from '../i18n/it';

const messages = { it, en };

/** Italian by default, with an English switch in the app bar; react-admin remembers the choice. */
export const i18nProvider = polyglotI18nProvider((locale) => messages[locale as keyof typeof messages] ?? it, 'it', [
  { locale: 'it', name: 'Italiano' },
  { locale: 'en', name: 'English' },
]);

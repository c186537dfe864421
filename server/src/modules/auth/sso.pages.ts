import { SsoRefusal } from './sso.service';

type Language = 'it' | 'en';

const PAGES: Record<SsoRefusal, Record<Language, { title: string; text: string }>> = {
  UNKNOWN: {
    it: {
      title: 'Non sei ancora tra gli utenti di Reti',
      text: 'Il tuo fornitore di identità ti ha riconosciuto, ma nessun utente di Reti corrisponde alla tua identità. Chiedi all’amministratore del tuo ufficio di invitarti.',
    },
    en: {
      title: 'You are not a Reti user yet',
      text: 'Your identity provider recognised you, but no Reti user matches your identity. Ask your office’s administrator to invite you.',
    },
  },
  INACTIVE: {
    it: { title: 'Il tuo utente è disattivato', text: 'Il tuo fornitore di identità ti ha riconosciuto, ma il tuo utente di Reti è disattivato. Chiedi all’amministratore del tuo ufficio di riattivarlo.' },
    en: { title: 'Your user is deactivated', text: 'Your identity provider recognised you, but your Reti user is deactivated. Ask your office’s administrator to reactivate it.' },
  },
  LEVEL: {
    it: { title: 'Livello di autenticazione non sufficiente', text: 'Reti accetta SPID di livello 2 o superiore e la CIE. Accedi di nuovo con uno di questi.' },
    en: { title: 'Authentication level not sufficient', text: 'Reti accepts SPID level 2 or higher and CIE. Sign in again with one of them.' },
  },
  FAILED: {
    it: { title: 'Accesso non riuscito', text: 'L’accesso non è stato completato, è scaduto o era già stato usato. Riprova dalla pagina di accesso.' },
    en: { title: 'Sign-in failed', text: 'The sign-in was not completed, has expired or was already used. Try again from the sign-in page.' },
  },
  UNAVAILABLE: {
    it: { title: 'Il fornitore di identità non risponde', text: 'Riprova tra qualche minuto, o accedi con la password se il tuo ufficio te ne ha data una.' },
    en: { title: 'The identity provider does not answer', text: 'Try again in a few minutes, or sign in with your password if your office gave you one.' },
  },
};

const BACK: Record<Language, string> = { it: 'Torna alla pagina di accesso', en: 'Back to the sign-in page' };

export const REFUSAL_STATUS: Record<SsoRefusal, number> = { UNKNOWN: 403, INACTIVE: 403, LEVEL: 403, FAILED: 400, UNAVAILABLE: 503 };

/** A plain page that says why single sign-on let nobody in. Fixed texts only: nothing from the request is echoed. */
export function refusalPage(reason: SsoRefusal, language: Language): string {
  const { title, text } = PAGES[reason][language];
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} – Reti</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;line-height:1.5}a{color:#1565c0}</style></head>
<body><main><h1>${title}</h1><p>${text}</p><p><a href="/admin/login">${BACK[language]}</a></p></main></body></html>`;
}

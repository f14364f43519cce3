import { RemixBrowser } from '@remix-run/react';
import { startTransition, StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { isLocale, MESSAGES_ELEMENT_ID, registerDictionary, type Dictionary } from './i18n';

// The page's messages came with the HTML (see app/i18n/index.ts); they must be there before hydration.
const lang = document.documentElement.lang;
const messages = document.getElementById(MESSAGES_ELEMENT_ID)?.textContent;
if (isLocale(lang) && messages) registerDictionary(lang, JSON.parse(messages) as Dictionary);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <RemixBrowser />
    </StrictMode>,
  );
});

import { useLocation, useMatches } from '@remix-run/react';
import { useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { hasMessage, type MessageVars, useLocale, useT } from '~/i18n';
import { FORM_REFUSED_EVENT, NOTICE_ID, type NoticeKey, noticeFollowUps, noticeFromSearch, noticeKind } from './notice-key';

// One notice component, in one place on every page: the top of <main>, above the page's heading.
//
// - The notice sits in a live region (a status for news, an alert for a refusal). After a client-side
//   navigation `useFocusFragment` moves focus to it, as the redirect's `#notice` names it, so it is read.
// - Without JavaScript the page is new: the browser opens it at `#notice` and the notice carries
//   `autofocus`, so the screen reader starts reading there.
// - The message comes from the dictionaries only: a `?notice=` that names no notice shows nothing.

type Kind = 'ok' | 'info' | 'warning';

/** A message on the page (a notice the page shows by itself, e.g. after an action that answers with data). */
export function Notice({ children, kind = 'ok', id }: { children: ReactNode; kind?: Kind; id?: string }) {
  return (
    <div id={id} className={`utrecht-alert utrecht-alert--${kind}`} role={kind === 'warning' ? 'alert' : 'status'}>
      <div className="utrecht-alert__message">
        <p className="utrecht-paragraph">{children}</p>
      </div>
    </div>
  );
}

/** Names a page's loader may give for its notices' placeholders ("{organisation}"), as `noticeVars`. */
function useLeafNoticeVars(): MessageVars {
  const matches = useMatches();
  for (let i = matches.length - 1; i >= 0; i--) {
    const data = matches[i]?.data as { noticeVars?: MessageVars } | undefined;
    if (data && typeof data === 'object' && data.noticeVars) return data.noticeVars;
  }
  return {};
}

/** The notice region at the top of every page's main content. */
export function NoticeRegion() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const pageVars = useLeafNoticeVars();
  // A refused submit on this page hides the notice of what happened before it (FORM_REFUSED_EVENT).
  const [refusedAt, setRefusedAt] = useState<string | null>(null);
  useEffect(() => {
    const hide = () => setRefusedAt(location.key);
    document.addEventListener(FORM_REFUSED_EVENT, hide);
    return () => document.removeEventListener(FORM_REFUSED_EVENT, hide);
  }, [location.key]);
  const notice =
    refusedAt === location.key
      ? null
      : noticeFromSearch(new URLSearchParams(location.search), (key): key is NoticeKey => hasMessage(locale, key));
  let text: string | null = null;
  if (notice) {
    const vars = { ...pageVars, ...notice.vars };
    // The key is checked at run time (hasMessage), so whether it is counted is known only then; a
    // placeholder left unfilled (a hand-made address without its count) leaves the notice out.
    const translate = t as (key: NoticeKey, vars: MessageVars) => string;
    const sentences = [translate(notice.key, vars)];
    for (const [name, followUp] of Object.entries(noticeFollowUps[notice.key] ?? {})) {
      const count = notice.vars[name];
      if (count) sentences.push(translate(followUp, { count }));
    }
    const filled = sentences.join(' ');
    text = /\{\w+\}/.test(filled) ? null : filled;
  }
  if (!text) return null;
  return <NoticeBox kind={notice ? noticeKind(notice.key) : 'ok'}>{text}</NoticeBox>;
}

/**
 * The notice of an action that answers with data instead of a redirect (a page reached by a one-time
 * link, whose answer cannot be read again from its address): the same markup as the notice region,
 * focused the same way. Without JavaScript the answer is a new page and `autofocus` opens it here;
 * with it, the notice takes focus when it appears, as after a redirect to `#notice`.
 * Render it at the top of the page's content, where the notice region would be.
 */
export function ActionNotice({ children, kind = 'ok' }: { children: ReactNode; kind?: Kind }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <NoticeBox kind={kind} focusRef={ref}>
      {children}
    </NoticeBox>
  );
}

/**
 * The notice itself, inside its live region: a status for news, an alert for a refusal. The region is
 * rendered with its notice, not kept empty on every page: focus (autofocus without JavaScript, a focus
 * call with it) is what makes a screen reader read it after a navigation.
 */
function NoticeBox({ kind, children, focusRef }: { kind: Kind; children: ReactNode; focusRef?: Ref<HTMLDivElement> }) {
  return (
    <div role={kind === 'warning' ? 'alert' : 'status'} className="pa-notice-region">
      <div
        ref={focusRef}
        id={NOTICE_ID}
        className={`utrecht-alert utrecht-alert--${kind} pa-notice`}
        tabIndex={-1}
        // Without JavaScript the new page opens here; with it, useFocusFragment (or ActionNotice) does the same.
        autoFocus
      >
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph">{children}</p>
        </div>
      </div>
    </div>
  );
}

/**
 * After a client-side navigation to an address with a fragment (`#notice`, `#resultaten`), focus the
 * element with that id, as a browser does for a new page. Elements that cannot take focus get
 * `tabindex="-1"` first. The first render is the browser's own page load: it is left alone.
 */
export function useFocusFragment() {
  const location = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!target) return;
    if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.setAttribute('tabindex', '-1');
    target.focus();
  }, [location.key, location.hash]);
}

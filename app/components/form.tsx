import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '~/i18n';

/**
 * Counts the submissions the server refused. Password fields take it as their resetKey, so they come
 * back empty after a refused submission with JavaScript on too (without JavaScript the page is new
 * and they are empty anyway). Conform's validate-on-blur replies carry no status and do not count.
 */
export function useSubmitRound(lastResult: { status?: string } | null | undefined) {
  const [round, setRound] = useState(0);
  const seen = useRef(lastResult);
  useEffect(() => {
    if (lastResult === seen.current) return;
    seen.current = lastResult;
    if (lastResult?.status === 'error') setRound((r) => r + 1);
  }, [lastResult]);
  return round;
}

/** Form-level message (e.g. "wrong email or password"), announced to screen readers. */
export function FormAlert({ id, messages, kind = 'error' }: { id?: string; messages?: string[] | null; kind?: 'error' | 'ok' | 'info' }) {
  if (!messages?.length) return null;
  return (
    <div id={id} className={`utrecht-alert utrecht-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <div className="utrecht-alert__message">
        {messages.map((m) => (
          <p className="utrecht-paragraph" key={m}>
            {m}
          </p>
        ))}
      </div>
    </div>
  );
}

/**
 * A field people never see, for bots that fill in every field. Hidden with CSS (display: none), so it
 * is out of the keyboard order and the accessibility tree too.
 */
export function Honeypot() {
  const t = useT();
  return (
    <div className="pa-hp" aria-hidden="true">
      <label htmlFor="pa-website">{t('form.honeypot')}</label>
      <input id="pa-website" type="text" name="website" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}

export function SubmitButton({ children, name, value }: { children: ReactNode; name?: string; value?: string }) {
  return (
    <button type="submit" name={name} value={value} className="utrecht-button utrecht-button--primary-action">
      {children}
    </button>
  );
}

import type { FormMetadata } from '@conform-to/react';
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import { useT } from '~/i18n';
import { FORM_REFUSED_EVENT } from './notice-key';

// The error summary (NL Design System / GOV.UK pattern): after a refused submit, a titled list of what is
// wrong at the top of the form, each item a link to its field.
//
// - Without JavaScript the server renders it with `autofocus`: the browser opens the new page at the
//   summary and a screen reader starts reading there, however long the form is.
// - With JavaScript a submit of the form arms it; when the errors that come back (from the server or
//   from the client-side check) differ from those on screen at the submit, it takes focus. Conform
//   focuses the first invalid field itself first; the summary runs after it (it renders from Conform's
//   new state), so focus ends here. Blur validation (Conform submits with its own intent button) does
//   not arm it, so fixing a field never jumps away.
// - Before the first submit it stays hidden: the browser's check on blur (useBrowserValidation) shows
//   a message beside the field only, as the GOV.UK pattern asks. Errors the server rendered show at once.
// - A link jumps to `#<form id>-<field name>`: the input, or the first box of a group. With JavaScript a
//   click focuses the field and scrolls its label into view too.

/* eslint-disable @typescript-eslint/no-explicit-any -- the summary reads the errors of any form */
export function ErrorSummary({ form }: { form: FormMetadata<any, string[]> }) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const errors = form.allErrors;
  const armed = useRef<Record<string, string[]> | null>(null);
  const latest = useRef(errors);
  latest.current = errors;
  const entries = Object.entries(errors).filter(([, messages]) => messages.length > 0);
  // Shown once the form was sent: by this page (a submit event) or before it (the server's reply).
  const [sent, setSent] = useState(entries.length > 0);

  useEffect(() => {
    const element = document.getElementById(form.id);
    if (!element) return;
    const arm = (event: SubmitEvent) => {
      // Conform checks a field on blur through a submit of its own (an "intent" button): not a send.
      if (event.submitter?.getAttribute('name') === '__intent__') return;
      armed.current = latest.current;
      setSent(true);
    };
    element.addEventListener('submit', arm);
    return () => element.removeEventListener('submit', arm);
  }, [form.id]);

  useEffect(() => {
    if (armed.current && entries.length > 0 && armed.current !== errors) {
      armed.current = null;
      ref.current?.focus();
      document.dispatchEvent(new Event(FORM_REFUSED_EVENT));
    }
  });

  if (entries.length === 0 || !sent) return null;
  const formErrors = entries.filter(([name]) => name === '').flatMap(([, messages]) => messages);
  const fieldErrors = entries.filter(([name]) => name !== '');
  const count = fieldErrors.length + formErrors.length;
  const headingId = `${form.id}-summary-heading`;
  return (
    <div
      ref={ref}
      id={`${form.id}-summary`}
      className="utrecht-alert utrecht-alert--error pa-error-summary"
      tabIndex={-1}
      autoFocus
      role="group"
      aria-labelledby={headingId}
    >
      <div className="utrecht-alert__message">
        <h2 className="utrecht-heading-2 pa-error-summary__title" id={headingId}>
          {fieldErrors.length ? t('form.summary.title', { count }) : t('form.summary.formOnly')}
        </h2>
        <ul className="utrecht-unordered-list pa-error-summary__list" id={form.errorId}>
          {formErrors.map((message) => (
            <li className="utrecht-unordered-list__item" key={`form-${message}`}>
              {message}
            </li>
          ))}
          {fieldErrors.map(([name, messages]) => (
            <li className="utrecht-unordered-list__item" key={name}>
              <a className="utrecht-link" href={`#${form.id}-${name}`} onClick={toField}>
                {messages.join(' ')}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Focuses the field (the first input of a group) and shows its label or legend above it. */
function toField(event: MouseEvent<HTMLAnchorElement>) {
  const id = decodeURIComponent(event.currentTarget.hash.slice(1));
  const target = document.getElementById(id);
  if (!target) return;
  const field = target.matches('input, select, textarea') ? target : target.querySelector<HTMLElement>('input, select, textarea');
  if (!field) return;
  event.preventDefault();
  field.closest('details')?.setAttribute('open', '');
  const context = field.closest('fieldset')?.querySelector('legend') ?? field.closest('.utrecht-form-field') ?? field;
  context.scrollIntoView({ block: 'start' });
  field.focus({ preventScroll: true });
  history.replaceState(history.state, '', `#${id}`);
}

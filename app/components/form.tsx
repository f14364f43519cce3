import { getInputProps, type FieldMetadata } from '@conform-to/react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '~/i18n';

type TextFieldProps = {
  meta: FieldMetadata<string>;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete?: string;
  description?: string;
  required?: boolean;
  /** Changes when the field must start empty again (see useSubmitRound). */
  resetKey?: number;
};

export type FieldShellProps = {
  id: string;
  label: string;
  description?: string;
  required?: boolean;
  errors?: string[];
  errorId: string;
  /** The utrecht-form-field modifier: text, textarea, select, … */
  kind: string;
  children: ReactNode;
};

/**
 * Label, description, error message and input of one form field, in that order. The description's
 * id is `<id>-description`; inputs name it and the error in aria-describedby.
 */
export function FieldShell({ id, label, description, required, errors, errorId, kind, children }: FieldShellProps) {
  const t = useT();
  const invalid = Boolean(errors?.length);
  return (
    <div className={`utrecht-form-field utrecht-form-field--${kind}${invalid ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
          {required ? <span className="pa-required"> ({t('form.required')})</span> : null}
        </label>
      </div>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {description}
        </div>
      ) : null}
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorId}>
          {errors!.join(' ')}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

/** A labelled text input with its description and error, linked for screen readers. */
export function TextField({ meta, label, type = 'text', autoComplete, description, required = true, resetKey = 0 }: TextFieldProps) {
  const invalid = Boolean(meta.errors?.length);
  // Conform itself puts the error's id first in aria-describedby when the field is invalid; passing it
  // here too listed it twice.
  const { key, ...input } = getInputProps(meta, { type, ariaDescribedBy: description ? `${meta.id}-description` : undefined });
  return (
    <FieldShell
      id={meta.id}
      label={label}
      description={description}
      required={required}
      errors={meta.errors}
      errorId={meta.errorId}
      kind="text"
    >
      <input
        key={`${key}-${resetKey}`}
        {...input}
        required={undefined}
        aria-required={required || undefined}
        autoComplete={autoComplete}
        className={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}`}
      />
    </FieldShell>
  );
}

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

export function Notice({ children, kind = 'ok' }: { children: ReactNode; kind?: 'ok' | 'info' | 'warning' }) {
  return (
    <div className={`utrecht-alert utrecht-alert--${kind}`} role="status">
      <div className="utrecht-alert__message">
        <p className="utrecht-paragraph">{children}</p>
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

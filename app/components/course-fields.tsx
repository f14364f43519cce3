import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { useT } from '~/i18n';
import { FieldShell } from './form';

// Form fields the course sign-up needs beside TextField (components/form.tsx): select, text area,
// radio group and checkbox, each with its label, description and error linked for screen readers.

type Described = { description?: string; required?: boolean };

function RequiredMark({ required }: { required: boolean }) {
  const t = useT();
  return required ? <span className="pa-required"> ({t('form.required')})</span> : null;
}

function ErrorMessage({ meta }: { meta: FieldMetadata<unknown> }) {
  if (!meta.errors?.length) return null;
  return (
    <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={meta.errorId}>
      {meta.errors.join(' ')}
    </div>
  );
}

function Description({ id, text }: { id?: string; text?: string }) {
  if (!text) return null;
  return (
    <div className="utrecht-form-field__description utrecht-form-field-description" id={id}>
      {text}
    </div>
  );
}

const fieldClass = (kind: string, invalid: boolean) =>
  `utrecht-form-field utrecht-form-field--${kind}${invalid ? ' utrecht-form-field--invalid' : ''}`;

export type SelectOption = { value: string; label: string };
export type SelectGroup = { label: string; options: SelectOption[] };

/** A labelled select; `groups` become optgroups (e.g. municipalities per province). */
export function SelectField({
  meta,
  label,
  placeholder,
  options = [],
  groups = [],
  description,
  required = false,
}: Described & { meta: FieldMetadata<string>; label: string; placeholder: string; options?: SelectOption[]; groups?: SelectGroup[] }) {
  const invalid = Boolean(meta.errors?.length);
  const { key, ...select } = getSelectProps(meta, { ariaDescribedBy: description ? `${meta.id}-description` : undefined });
  return (
    <FieldShell
      id={meta.id}
      label={label}
      description={description}
      required={required}
      errors={meta.errors}
      errorId={meta.errorId}
      kind="select"
    >
      <select
        key={key}
        {...select}
        required={undefined}
        aria-required={required || undefined}
        className={`utrecht-select utrecht-select--html-select pa-select${invalid ? ' utrecht-select--invalid' : ''}`}
      >
        <option value="">{placeholder}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  );
}

/** A labelled text area (its maximum length is the server's to check, with a message). */
export function TextAreaField({ meta, label, description, required = false }: Described & { meta: FieldMetadata<string>; label: string }) {
  const invalid = Boolean(meta.errors?.length);
  const { key, ...textarea } = getTextareaProps(meta, { ariaDescribedBy: description ? `${meta.id}-description` : undefined });
  return (
    <FieldShell
      id={meta.id}
      label={label}
      description={description}
      required={required}
      errors={meta.errors}
      errorId={meta.errorId}
      kind="textarea"
    >
      <textarea
        key={key}
        {...textarea}
        required={undefined}
        aria-required={required || undefined}
        rows={4}
        className={`utrecht-textarea utrecht-textarea--html-textarea pa-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
      />
    </FieldShell>
  );
}

/** Radio buttons in a fieldset whose legend is the question. */
export function RadioGroupField({
  meta,
  legend,
  options,
  description,
  required = false,
}: Described & { meta: FieldMetadata<string>; legend: string; options: SelectOption[] }) {
  const invalid = Boolean(meta.errors?.length);
  const descriptionId = description ? `${meta.id}-description` : undefined;
  const inputs = getCollectionProps(meta, { type: 'radio', options: options.map((o) => o.value), ariaDescribedBy: descriptionId });
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-course-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
        <RequiredMark required={required} />
      </legend>
      <Description id={descriptionId} text={description} />
      <ErrorMessage meta={meta} />
      {inputs.map(({ key, ...input }, index) => (
        <div className="utrecht-form-field utrecht-form-field--radio" key={key}>
          <div className="utrecht-form-field__input">
            <input
              {...input}
              required={undefined}
              className={`utrecht-radio-button utrecht-radio-button--html-input${invalid ? ' utrecht-radio-button--invalid' : ''}`}
            />
          </div>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label utrecht-form-label--radio" htmlFor={input.id}>
              {options[index]!.label}
            </label>
          </div>
        </div>
      ))}
    </fieldset>
  );
}

/** One checkbox with its label beside it (the label may hold a link). */
export function CheckboxField({ meta, label, required = false }: { meta: FieldMetadata<boolean>; label: ReactNode; required?: boolean }) {
  const invalid = Boolean(meta.errors?.length);
  const { key, ...input } = getInputProps(meta, { type: 'checkbox' });
  return (
    <div className={fieldClass('checkbox', invalid)}>
      <ErrorMessage meta={meta} />
      <div className="utrecht-form-field__input">
        <input
          key={key}
          {...input}
          required={undefined}
          aria-required={required || undefined}
          className={`utrecht-checkbox utrecht-checkbox--html-input${invalid ? ' utrecht-checkbox--invalid' : ''}`}
        />
      </div>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={meta.id}>
          {label}
          <RequiredMark required={required} />
        </label>
      </div>
    </div>
  );
}

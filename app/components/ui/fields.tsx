import { getCollectionProps, getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { useT } from '~/i18n';

// The form kit: every field of every form, on Conform's field metadata and the NL Design System
// classes (ADR 006, ADR 014 "Forms"). Each field renders, in this order, its label (or legend), hint,
// error and input; the input names the error and the hint in aria-describedby (Conform puts the
// error's id first when the field is invalid). Ids are Conform's: `<form id>-<field name>`, so the
// error summary links to `#<form id>-<field name>` and reaches the field, also the first box of a group.

/* eslint-disable @typescript-eslint/no-explicit-any -- fields take the metadata of any schema's field */
type Meta = FieldMetadata<any>;

type Common = {
  meta: Meta;
  label: string;
  /** The hint under the label; its id is `<field id>-description`. */
  description?: string;
  required?: boolean;
};

const hintId = (meta: Meta, description?: string) => (description ? meta.descriptionId : undefined);
const invalidOf = (meta: Meta) => Boolean(meta.errors?.length);

function RequiredMark({ required }: { required?: boolean }) {
  const t = useT();
  return required ? <span className="pa-required"> ({t('form.required')})</span> : null;
}

function Hint({ id, text }: { id?: string; text?: ReactNode }) {
  if (!text) return null;
  return (
    <div className="utrecht-form-field__description utrecht-form-field-description" id={id}>
      {text}
    </div>
  );
}

function ErrorMessage({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={id}>
      {errors.join(' ')}
    </div>
  );
}

type ShellProps = Common & {
  /** The utrecht-form-field modifier: text, textarea, select. */
  kind: 'text' | 'textarea' | 'select';
  children: ReactNode;
};

/** Label, hint, error message and input of one field, in that order; ids from Conform's metadata. */
function FieldShell({ meta, label, description, required, kind, children }: ShellProps) {
  return (
    <div className={`utrecht-form-field utrecht-form-field--${kind}${invalidOf(meta) ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={meta.id}>
          {label}
          <RequiredMark required={required} />
        </label>
      </div>
      <Hint id={meta.descriptionId} text={description} />
      <ErrorMessage id={meta.errorId} errors={meta.errors} />
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

/**
 * What every control takes from the schema's constraint, less what would act before our messages:
 * `required` (the browser would stop the form with its own bubble; the forms are noValidate anyway)
 * and `maxLength` (the browser would cut a pasted text off without a word; the schema says "too long").
 */
const kitAttributes = (required: boolean) => ({ required: undefined, maxLength: undefined, 'aria-required': required || undefined });

type TextFieldProps = Common & {
  type?: 'text' | 'email' | 'password' | 'tel' | 'url' | 'number' | 'date' | 'time' | 'datetime-local';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal';
  min?: number | string;
  max?: number | string;
  /** A narrow box, for numbers and short codes. */
  short?: boolean;
  /** Changes when the field must start empty again (see useSubmitRound): password fields. */
  resetKey?: number;
};

/** A labelled input of any text-like type, dates and times included; a number is short and asks for digits. */
export function TextField({
  type = 'text',
  autoComplete,
  inputMode,
  min,
  max,
  short = type === 'number',
  resetKey = 0,
  ...common
}: TextFieldProps) {
  const { meta, description, required = false } = common;
  const { key, ...input } = getInputProps(meta, { type, ariaDescribedBy: hintId(meta, description) });
  return (
    <FieldShell {...common} kind="text">
      <input
        key={`${key}-${resetKey}`}
        {...input}
        {...kitAttributes(required)}
        autoComplete={autoComplete ?? (type === 'password' ? undefined : 'off')}
        inputMode={inputMode ?? (type === 'number' ? 'numeric' : undefined)}
        min={min ?? input.min}
        max={max ?? input.max}
        className={`utrecht-textbox utrecht-textbox--html-input${invalidOf(meta) ? ' utrecht-textbox--invalid' : ''}${short ? ' pa-textbox--short' : ''}`}
      />
    </FieldShell>
  );
}

/** A labelled text area (its maximum length is the schema's to check, with a message). */
export function TextAreaField({ rows = 5, ...common }: Common & { rows?: number }) {
  const { meta, description, required = false } = common;
  const { key, ...textarea } = getTextareaProps(meta, { ariaDescribedBy: hintId(meta, description) });
  return (
    <FieldShell {...common} kind="textarea">
      <textarea
        key={key}
        {...textarea}
        {...kitAttributes(required)}
        rows={rows}
        className={`utrecht-textarea utrecht-textarea--html-textarea pa-textarea${invalidOf(meta) ? ' utrecht-textarea--invalid' : ''}`}
      />
    </FieldShell>
  );
}

/** A choice; `note` is a second line under its label in a radio or checkbox group (not in a select). */
export type Option = { value: string; label: string; note?: string };
export type OptionGroup = { label: string; options: Option[] };

/** A select's options, and `groups` as optgroups; shared with the GET filters' select (filter-fields.tsx). */
export function OptionList({ options = [], groups = [] }: { options?: Option[]; groups?: OptionGroup[] }) {
  return (
    <>
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
    </>
  );
}

/** A labelled select; `groups` become optgroups (e.g. municipalities per province). */
export function SelectField({
  options = [],
  groups = [],
  placeholder,
  ...common
}: Common & { options?: Option[]; groups?: OptionGroup[]; placeholder?: string }) {
  const { meta, description, required = false } = common;
  const { key, ...select } = getSelectProps(meta, { ariaDescribedBy: hintId(meta, description) });
  return (
    <FieldShell {...common} kind="select">
      <select
        key={key}
        {...select}
        {...kitAttributes(required)}
        className={`utrecht-select utrecht-select--html-select pa-select${invalidOf(meta) ? ' utrecht-select--invalid' : ''}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        <OptionList options={options} groups={groups} />
      </select>
    </FieldShell>
  );
}

type GroupProps = {
  meta: Meta;
  legend: string;
  description?: ReactNode;
  required?: boolean;
  options: Option[];
  /** Optional split of the options under sub-legends, by value (e.g. time slots per day). */
  groups?: { label: string; values: string[] }[];
  /**
   * Long lists (342 municipalities): each group folds away behind a disclosure, open when something
   * in it is chosen; its summary says how many are. Findable with keyboard and screen reader, no script.
   */
  disclosure?: (group: { label: string; chosen: number }) => string;
  /** Short labels (provinces, days): several columns on wide screens. */
  columns?: boolean;
};

/**
 * Radio buttons (one answer) or checkboxes (several answers, an array field) in a fieldset whose
 * legend is the question. Every box sits left of its label, on every form. The first box carries the
 * field's own id, so a link to the field reaches it.
 */
function ChoiceGroup({
  meta,
  legend,
  description,
  required,
  options,
  groups,
  columns,
  disclosure,
  type,
}: GroupProps & { type: 'radio' | 'checkbox' }) {
  const invalid = invalidOf(meta);
  const descriptionId = description ? meta.descriptionId : undefined;
  const inputs = getCollectionProps(meta, { type, options: options.map((o) => o.value), ariaDescribedBy: descriptionId });
  const firstValue = options[0]?.value;
  const byValue = new Map(inputs.map((input, index) => [input.value, { input, option: options[index]! }]));
  const boxClass =
    type === 'radio'
      ? `utrecht-radio-button utrecht-radio-button--html-input${invalid ? ' utrecht-radio-button--invalid' : ''}`
      : `utrecht-checkbox utrecht-checkbox--html-input${invalid ? ' utrecht-checkbox--invalid' : ''}`;
  const box = (value: string) => {
    const found = byValue.get(value);
    if (!found) return null;
    const { key, ...input } = found.input;
    const id = value === firstValue ? meta.id : input.id;
    return (
      <li key={key}>
        <label className="pa-check" htmlFor={id}>
          <input {...input} id={id} required={undefined} className={boxClass} />
          <span>
            {found.option.label}
            {found.option.note ? (
              <>
                <br />
                <span className="pa-note">{found.option.note}</span>
              </>
            ) : null}
          </span>
        </label>
      </li>
    );
  };
  const list = (values: string[]) => <ul className={`pa-plain-list pa-choice-list${columns ? ' pa-choices' : ''}`}>{values.map(box)}</ul>;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-choice-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-invalid={invalid || undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
        <RequiredMark required={required} />
      </legend>
      <Hint id={descriptionId} text={description} />
      <ErrorMessage id={meta.errorId} errors={meta.errors} />
      {groups && disclosure ? (
        groups.map((g) => {
          const chosen = g.values.filter((v) => byValue.get(v)?.input.defaultChecked).length;
          return (
            <details key={g.label} className="pa-disclosure" open={chosen > 0}>
              <summary>{disclosure({ label: g.label, chosen })}</summary>
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-choice-group">
                <legend className="pa-visually-hidden">{g.label}</legend>
                {list(g.values)}
              </fieldset>
            </details>
          );
        })
      ) : groups ? (
        <div className="pa-choice-groups">
          {groups.map((g) => (
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-choice-group" key={g.label}>
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend pa-choice-group__legend">
                {g.label}
              </legend>
              {list(g.values)}
            </fieldset>
          ))}
        </div>
      ) : (
        list(options.map((o) => o.value))
      )}
    </fieldset>
  );
}

/** Radio buttons: one answer. */
export function RadioGroupField(props: Omit<GroupProps, 'groups'>) {
  return <ChoiceGroup {...props} type="radio" />;
}

/** Checkboxes that share one name: several answers, an array field. */
export function CheckboxGroupField(props: GroupProps) {
  return <ChoiceGroup {...props} type="checkbox" />;
}

/** One checkbox with its label beside it (the label may hold a link); `on` when ticked. */
export function CheckboxField({ meta, label, description, required = false }: Omit<Common, 'label'> & { label: ReactNode }) {
  const invalid = invalidOf(meta);
  const { key, ...input } = getInputProps(meta, { type: 'checkbox', ariaDescribedBy: hintId(meta, description) });
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox pa-checkbox-field${invalid ? ' utrecht-form-field--invalid' : ''}`}>
      <ErrorMessage id={meta.errorId} errors={meta.errors} />
      <label className="pa-check" htmlFor={meta.id}>
        <input
          key={key}
          {...input}
          required={undefined}
          aria-required={required || undefined}
          className={`utrecht-checkbox utrecht-checkbox--html-input${invalid ? ' utrecht-checkbox--invalid' : ''}`}
        />
        <span>
          {label}
          <RequiredMark required={required} />
        </span>
      </label>
      <Hint id={hintId(meta, description)} text={description} />
    </div>
  );
}

/**
 * Several fields under one legend (a period, the matching weights). With `meta`, the group has an
 * error of its own (e.g. "not all weights may be 0"); the summary's link reaches its first field.
 */
export function FieldGroup({
  legend,
  description,
  meta,
  children,
}: {
  legend: string;
  description?: string;
  meta?: Meta;
  children: ReactNode;
}) {
  const invalid = meta ? invalidOf(meta) : false;
  const descriptionId = meta && description ? meta.descriptionId : undefined;
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={[invalid && meta ? meta.errorId : null, descriptionId].filter(Boolean).join(' ') || undefined}
      id={meta?.id}
    >
      <legend>{legend}</legend>
      <Hint id={descriptionId} text={description} />
      {meta ? <ErrorMessage id={meta.errorId} errors={meta.errors} /> : null}
      {children}
    </fieldset>
  );
}

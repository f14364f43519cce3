import type { ReactNode } from 'react';
import { OptionList, type Option, type OptionGroup } from './fields';

/**
 * The fields of a GET filter or search (the catalogue, the mentor map, the lists, the report's period):
 * the address is their state, so they are not Conform forms. They share the form kit's layout
 * (label, hint, error, `aria-describedby`) so a filter reads like every other field; the form kit
 * (`fields.tsx`) stays the one for forms that post.
 */
type FilterShellProps = {
  id: string;
  label: string;
  hint?: string;
  /** The server's refusal of the value in the address (the report's period), shown and linked. */
  errors?: string[];
  kind: 'select' | 'text';
  className?: string;
  children: ReactNode;
};

/** The ids a filter's control is described by: its hint and its error, when it has them. */
const filterDescribedBy = (id: string, hint?: string, errors?: string[]) =>
  [hint ? `${id}-description` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;

function FilterShell({ id, label, hint, errors, kind, className, children }: FilterShellProps) {
  const invalid = Boolean(errors?.length);
  return (
    <div
      className={`utrecht-form-field utrecht-form-field--${kind}${invalid ? ' utrecht-form-field--invalid' : ''}${className ? ` ${className}` : ''}`}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={id}>
          {label}
        </label>
      </div>
      {hint ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${id}-description`}>
          {hint}
        </div>
      ) : null}
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={`${id}-error`}>
          {errors!.join(' ')}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

type FilterSelectProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  /** The value in the address; the browser shows it chosen. */
  value: string;
  /** The first option, with the empty value: "every province", "choose a municipality". */
  all?: string;
  options?: Option[];
  groups?: OptionGroup[];
  className?: string;
};

/** A labelled select of a GET filter: options or option groups, an optional "all" first. */
export function FilterSelect({ id, name, label, hint, errors, value, all, options = [], groups = [], className }: FilterSelectProps) {
  const invalid = Boolean(errors?.length);
  return (
    <FilterShell id={id} label={label} hint={hint} errors={errors} kind="select" className={className}>
      <select
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={invalid || undefined}
        aria-describedby={filterDescribedBy(id, hint, errors)}
        className={`utrecht-select utrecht-select--html-select pa-select${invalid ? ' utrecht-select--invalid' : ''}`}
      >
        {all !== undefined ? <option value="">{all}</option> : null}
        <OptionList options={options} groups={groups} />
      </select>
    </FilterShell>
  );
}

/** A labelled search box of a GET filter. */
export function FilterSearch({
  id,
  name,
  label,
  hint,
  value,
  className,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  className?: string;
}) {
  return (
    <FilterShell id={id} label={label} hint={hint} kind="text" className={className}>
      <input
        id={id}
        name={name}
        type="search"
        defaultValue={value}
        aria-describedby={filterDescribedBy(id, hint)}
        className="utrecht-textbox utrecht-textbox--html-input"
      />
    </FilterShell>
  );
}

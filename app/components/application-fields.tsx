import { getCollectionProps, type FieldMetadata } from '@conform-to/react';
import type { ReactNode } from 'react';
import { useT } from '~/i18n';

// Groups of checkboxes for the mentor application form: one fieldset whose legend is the question,
// with its description and error linked to every checkbox for screen readers.

export type CheckboxOption = { value: string; label: string };

function Legend({ children, required }: { children: ReactNode; required?: boolean }) {
  const t = useT();
  return (
    <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
      {children}
      {required ? <span className="pa-required"> ({t('form.required')})</span> : null}
    </legend>
  );
}

/** Checkboxes that share one name (an array field); `groups` splits them under sub-legends (e.g. days). */
export function CheckboxGroupField({
  meta,
  legend,
  description,
  options,
  groups,
  required = false,
}: {
  meta: FieldMetadata<string[]>;
  legend: string;
  description?: string;
  options: CheckboxOption[];
  /** Optional split of the options into labelled sub-groups, by value. */
  groups?: { label: string; values: string[] }[];
  required?: boolean;
}) {
  const invalid = Boolean(meta.errors?.length);
  const descriptionId = description ? `${meta.id}-description` : undefined;
  const inputs = getCollectionProps(meta, { type: 'checkbox', options: options.map((o) => o.value), ariaDescribedBy: descriptionId });
  const byValue = new Map(inputs.map((input, index) => [input.value, { input, label: options[index]!.label }]));
  const box = (value: string) => {
    const found = byValue.get(value);
    if (!found) return null;
    const { key, ...input } = found.input;
    return (
      <div className="utrecht-form-field utrecht-form-field--checkbox pa-choice" key={key}>
        <div className="utrecht-form-field__input">
          <input
            {...input}
            required={undefined}
            className={`utrecht-checkbox utrecht-checkbox--html-input${invalid ? ' utrecht-checkbox--invalid' : ''}`}
          />
        </div>
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={input.id}>
            {found.label}
          </label>
        </div>
      </div>
    );
  };
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-course-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
      id={meta.id}
    >
      <Legend required={required}>{legend}</Legend>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descriptionId}>
          {description}
        </div>
      ) : null}
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={meta.errorId}>
          {meta.errors!.join(' ')}
        </div>
      ) : null}
      {groups ? (
        <div className="pa-choice-groups">
          {groups.map((g) => (
            <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-choice-group" key={g.label}>
              <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend pa-choice-group__legend">
                {g.label}
              </legend>
              {g.values.map(box)}
            </fieldset>
          ))}
        </div>
      ) : (
        <div className="pa-choices">{options.map((o) => box(o.value))}</div>
      )}
    </fieldset>
  );
}

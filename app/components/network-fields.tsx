import type { ReactNode } from 'react';
import { useT, type MessageKey } from '~/i18n';
import { FieldShell, FormAlert } from './form';

// Form fields of the network and mentor-profile forms. The server validates; on a refused submission it
// answers the values as sent and the errors per field name, and these render both, linked for screen
// readers (aria-describedby to the error, aria-invalid), without JavaScript.

export type Values = Record<string, string | string[]>;
export type Errors = Record<string, string[]>;
export type FormProps = { values: Values; errors: Errors };

export const fieldId = (name: string) => `f-${name.replace(/[^a-zA-Z0-9-]/g, '-')}`;
const errorIdOf = (name: string) => `${fieldId(name)}-error`;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : []);

function describedBy(name: string, errors: Errors, description?: string) {
  const ids = [errors[name]?.length ? errorIdOf(name) : null, description ? `${fieldId(name)}-description` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** "Correct the fields with a message" at the top of a refused form, plus form-level messages. */
export function FormErrors({ errors }: { errors: Errors | null | undefined }) {
  const t = useT();
  if (!errors || Object.keys(errors).length === 0) return null;
  return <FormAlert messages={[t('form.errorSummary'), ...(errors[''] ?? [])]} />;
}

type InputProps = FormProps & {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'number' | 'date' | 'tel' | 'password';
  description?: string;
  required?: boolean;
  autoComplete?: string;
  min?: number;
  max?: number;
  short?: boolean;
};

export function Input({ name, label, values, errors, type = 'text', description, required, autoComplete, min, max, short }: InputProps) {
  const invalid = Boolean(errors[name]?.length);
  return (
    <FieldShell
      id={fieldId(name)}
      label={label}
      description={description}
      required={required}
      errors={errors[name]}
      errorId={errorIdOf(name)}
      kind="text"
    >
      <input
        id={fieldId(name)}
        name={name}
        type={type}
        defaultValue={type === 'password' ? undefined : one(values[name])}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, errors, description)}
        aria-required={required || undefined}
        autoComplete={autoComplete ?? 'off'}
        min={min}
        max={max}
        inputMode={type === 'number' ? 'numeric' : undefined}
        className={`utrecht-textbox utrecht-textbox--html-input${invalid ? ' utrecht-textbox--invalid' : ''}${short ? ' pa-textbox--short' : ''}`}
      />
    </FieldShell>
  );
}

export function TextArea({
  name,
  label,
  values,
  errors,
  description,
  rows = 5,
}: FormProps & { name: string; label: string; description?: string; rows?: number }) {
  const invalid = Boolean(errors[name]?.length);
  return (
    <FieldShell id={fieldId(name)} label={label} description={description} errors={errors[name]} errorId={errorIdOf(name)} kind="textarea">
      <textarea
        id={fieldId(name)}
        name={name}
        rows={rows}
        defaultValue={one(values[name])}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, errors, description)}
        className={`utrecht-textarea utrecht-textarea--html-textarea${invalid ? ' utrecht-textarea--invalid' : ''}`}
      />
    </FieldShell>
  );
}

export type Option = { value: string; label: string };

export function Select({
  name,
  label,
  values,
  errors,
  options,
  description,
  required,
  placeholder,
}: FormProps & { name: string; label: string; options: Option[]; description?: string; required?: boolean; placeholder?: string }) {
  const invalid = Boolean(errors[name]?.length);
  return (
    <FieldShell
      id={fieldId(name)}
      label={label}
      description={description}
      required={required}
      errors={errors[name]}
      errorId={errorIdOf(name)}
      kind="select"
    >
      <select
        id={fieldId(name)}
        name={name}
        defaultValue={one(values[name])}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(name, errors, description)}
        aria-required={required || undefined}
        className={`utrecht-select utrecht-select--html-select${invalid ? ' utrecht-select--invalid' : ''}`}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** A fieldset of checkboxes (several answers) or radio buttons (one answer) with one legend and error. */
export function Choices({
  name,
  legend,
  values,
  errors,
  options,
  type = 'checkbox',
  description,
  required,
  columns,
}: FormProps & {
  name: string;
  legend: string;
  options: Option[];
  type?: 'checkbox' | 'radio';
  description?: string;
  required?: boolean;
  columns?: boolean;
}) {
  const t = useT();
  const invalid = Boolean(errors[name]?.length);
  const chosen = new Set(many(values[name]));
  return (
    <fieldset
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={describedBy(name, errors, description)}
      id={fieldId(name)}
    >
      <legend>
        {legend}
        {required ? <span className="pa-required"> ({t('form.required')})</span> : null}
      </legend>
      {description ? (
        <div className="utrecht-form-field-description" id={`${fieldId(name)}-description`}>
          {description}
        </div>
      ) : null}
      {invalid ? (
        <div className="utrecht-form-field-error-message" id={errorIdOf(name)}>
          {errors[name]!.join(' ')}
        </div>
      ) : null}
      <ul className={`pa-plain-list${columns ? ' pa-columns' : ''}`}>
        {options.map((o) => (
          <li key={o.value}>
            <label className="pa-check" htmlFor={`${fieldId(name)}-${o.value}`}>
              <input
                type={type}
                id={`${fieldId(name)}-${o.value}`}
                name={name}
                value={o.value}
                defaultChecked={chosen.has(o.value)}
                className={
                  type === 'radio'
                    ? 'utrecht-radio-button utrecht-radio-button--html-input'
                    : 'utrecht-checkbox utrecht-checkbox--html-input'
                }
              />
              <span>{o.label}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

export function Checkbox({
  name,
  label,
  values,
  errors,
  description,
}: FormProps & { name: string; label: ReactNode; description?: string }) {
  const invalid = Boolean(errors[name]?.length);
  return (
    <div className={`utrecht-form-field utrecht-form-field--checkbox${invalid ? ' utrecht-form-field--invalid' : ''}`}>
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errorIdOf(name)}>
          {errors[name]!.join(' ')}
        </div>
      ) : null}
      <label className="pa-check" htmlFor={fieldId(name)}>
        <input
          type="checkbox"
          id={fieldId(name)}
          name={name}
          defaultChecked={one(values[name]) === 'on'}
          aria-describedby={describedBy(name, errors, description)}
          className="utrecht-checkbox utrecht-checkbox--html-input"
        />
        <span>{label}</span>
      </label>
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={`${fieldId(name)}-description`}>
          {description}
        </div>
      ) : null}
    </div>
  );
}

export type Province = { code: string; name: string; municipalities: { code: string; name: string }[] };

/**
 * Where a network works: the whole country, some provinces, or some municipalities. Municipalities are
 * checkboxes per province, each province a disclosure (open when something in it is chosen), so the
 * 342 choices stay findable with keyboard and screen reader, without JavaScript.
 */
export function RegionFields({ values, errors, geography }: FormProps & { geography: Province[] }) {
  const t = useT();
  const chosenMunicipalities = new Set(many(values.municipalities));
  const invalid = Boolean(errors.municipalities?.length);
  return (
    <>
      <Choices
        name="regionKind"
        type="radio"
        legend={t('networks.form.regionKind')}
        description={t('networks.form.regionKindHint')}
        values={values}
        errors={errors}
        required
        options={(['national', 'provinces', 'municipalities'] as const).map((k) => ({ value: k, label: t(`networks.region.${k}`) }))}
      />
      <Choices
        name="provinces"
        legend={t('networks.form.provinces')}
        description={t('networks.form.provincesHint')}
        values={values}
        errors={errors}
        columns
        options={geography.map((p) => ({ value: p.code, label: p.name }))}
      />
      <fieldset
        className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
        aria-describedby={[invalid ? errorIdOf('municipalities') : null, `${fieldId('municipalities')}-description`]
          .filter(Boolean)
          .join(' ')}
        id={fieldId('municipalities')}
      >
        <legend>{t('networks.form.municipalities')}</legend>
        <div className="utrecht-form-field-description" id={`${fieldId('municipalities')}-description`}>
          {t('networks.form.municipalitiesHint', { count: chosenMunicipalities.size })}
        </div>
        {invalid ? (
          <div className="utrecht-form-field-error-message" id={errorIdOf('municipalities')}>
            {errors.municipalities!.join(' ')}
          </div>
        ) : null}
        {geography.map((p) => {
          const chosen = p.municipalities.filter((m) => chosenMunicipalities.has(m.code)).length;
          return (
            <details key={p.code} className="pa-disclosure" open={chosen > 0}>
              <summary>{t('networks.form.provinceMunicipalities', { province: p.name, count: chosen })}</summary>
              <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset">
                <legend className="pa-visually-hidden">{t('networks.form.municipalitiesIn', { province: p.name })}</legend>
                <ul className="pa-plain-list pa-columns">
                  {p.municipalities.map((m) => (
                    <li key={m.code}>
                      <label className="pa-check" htmlFor={`${fieldId('municipalities')}-${m.code}`}>
                        <input
                          type="checkbox"
                          id={`${fieldId('municipalities')}-${m.code}`}
                          name="municipalities"
                          value={m.code}
                          defaultChecked={chosenMunicipalities.has(m.code)}
                          className="utrecht-checkbox utrecht-checkbox--html-input"
                        />
                        <span>{m.name}</span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
            </details>
          );
        })}
      </fieldset>
    </>
  );
}

export const FOCUS_KEYS = {
  women: 'networks.focus.women',
  disability: 'networks.focus.disability',
  'practically-educated': 'networks.focus.practically-educated',
  open: 'networks.focus.open',
} as const satisfies Record<string, MessageKey>;

export const WEIGHT_KEYS = {
  sameMunicipality: 'networks.weight.sameMunicipality',
  neighbouringMunicipality: 'networks.weight.neighbouringMunicipality',
  sameProvince: 'networks.weight.sameProvince',
  sharedThemes: 'networks.weight.sharedThemes',
  officeFit: 'networks.weight.officeFit',
  partyPreference: 'networks.weight.partyPreference',
  availabilityOverlap: 'networks.weight.availabilityOverlap',
} as const satisfies Record<string, MessageKey>;

/** Every field of a network except its intake questions (those have their own forms). */
export function NetworkFields({
  values,
  errors,
  geography,
  organisations,
  weightIds,
}: FormProps & { geography: Province[]; organisations?: Option[]; weightIds: readonly (keyof typeof WEIGHT_KEYS)[] }) {
  const t = useT();
  const weightsInvalid = Boolean(errors.weights?.length);
  return (
    <>
      {organisations ? (
        organisations.length === 1 ? (
          <input type="hidden" name="organisationId" value={organisations[0]!.value} />
        ) : (
          <Select
            name="organisationId"
            label={t('networks.form.organisation')}
            values={values}
            errors={errors}
            options={organisations}
            required
            placeholder={t('networks.form.choose')}
          />
        )
      ) : null}
      <Input name="name" label={t('networks.form.name')} values={values} errors={errors} required />
      <TextArea
        name="description"
        label={t('networks.form.description')}
        description={t('networks.form.descriptionHint')}
        values={values}
        errors={errors}
      />
      <Choices
        name="focusGroup"
        type="radio"
        legend={t('networks.form.focusGroup')}
        values={values}
        errors={errors}
        required
        options={(Object.keys(FOCUS_KEYS) as (keyof typeof FOCUS_KEYS)[]).map((k) => ({ value: k, label: t(FOCUS_KEYS[k]) }))}
      />
      <RegionFields values={values} errors={errors} geography={geography} />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset">
        <legend>{t('networks.form.period')}</legend>
        <div className="pa-field-row">
          <Input name="periodStart" type="date" label={t('networks.form.periodStart')} values={values} errors={errors} />
          <Input name="periodEnd" type="date" label={t('networks.form.periodEnd')} values={values} errors={errors} />
        </div>
      </fieldset>
      <Checkbox
        name="applicationsOpen"
        label={t('networks.form.applicationsOpen')}
        description={t('networks.form.applicationsOpenHint')}
        values={values}
        errors={errors}
      />
      <fieldset
        className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset${weightsInvalid ? ' utrecht-form-fieldset--invalid' : ''}`}
        aria-describedby={[weightsInvalid ? errorIdOf('weights') : null, `${fieldId('weights')}-description`].filter(Boolean).join(' ')}
        id={fieldId('weights')}
      >
        <legend>{t('networks.form.weights')}</legend>
        <div className="utrecht-form-field-description" id={`${fieldId('weights')}-description`}>
          {t('networks.form.weightsHint')}
        </div>
        {weightsInvalid ? (
          <div className="utrecht-form-field-error-message" id={errorIdOf('weights')}>
            {errors.weights!.join(' ')}
          </div>
        ) : null}
        {weightIds.map((id) => (
          <Input
            key={id}
            name={`weights.${id}`}
            type="number"
            min={0}
            max={100}
            short
            label={t(WEIGHT_KEYS[id])}
            values={values}
            errors={errors}
            required
          />
        ))}
      </fieldset>
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset">
        <legend>{t('networks.form.proposalDays')}</legend>
        <div className="utrecht-form-field-description">{t('networks.form.proposalDaysHint')}</div>
        <Input
          name="proposalReminderDays"
          type="number"
          min={1}
          max={60}
          short
          label={t('networks.form.reminderDays')}
          values={values}
          errors={errors}
          required
        />
        <Input
          name="proposalAlertDays"
          type="number"
          min={1}
          max={60}
          short
          label={t('networks.form.alertDays')}
          values={values}
          errors={errors}
          required
        />
        <Input
          name="proposalExpiryDays"
          type="number"
          min={1}
          max={90}
          short
          label={t('networks.form.expiryDays')}
          values={values}
          errors={errors}
          required
        />
      </fieldset>
    </>
  );
}

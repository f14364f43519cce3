import { getFormProps, useForm, type FieldMetadata, type SubmissionResult } from '@conform-to/react';
import { Form } from '~/components/ui/form';
import type { ReactNode } from 'react';
import { useT } from '~/i18n';
import { SubmitButton } from './form';
import { TextAreaField, TextField } from './ui/fields';
import { ErrorSummary } from './ui/error-summary';
import { useBrowserValidation } from './ui/validation';
import { academySchema } from '~/modules/organisations/academy-schema';

// The academy form of /beheer/academies (new and edit): name, description, period, and which of the
// organisation's courses and networks belong to it (checkbox lists; without JavaScript too).

export type AttachableItem = { id: string; name: string; academyId: string | null; academyName: string | null };

type Values = {
  name?: string;
  description?: string;
  periodStart?: string;
  periodEnd?: string;
  /** One ticked box arrives as a string, several as a list. */
  courseIds?: string | string[];
  networkIds?: string | string[];
};

function selectedOf(meta: FieldMetadata<string | string[] | undefined>, fallback: string[]) {
  const value = meta.initialValue as unknown;
  if (value === undefined) return fallback;
  return [value].flat().filter((v): v is string => typeof v === 'string');
}

function CheckList({
  meta,
  legend,
  empty,
  items,
  academyId,
  shownName,
  before,
  after,
}: {
  meta: FieldMetadata<string | string[] | undefined>;
  legend: string;
  empty: string;
  items: AttachableItem[];
  academyId: string | null;
  /** When the list is one page of many: the field that tells the save which items were shown. */
  shownName?: string;
  before?: ReactNode;
  after?: ReactNode;
}) {
  const t = useT();
  const selected = new Set(
    selectedOf(
      meta,
      items.filter((i) => academyId && i.academyId === academyId).map((i) => i.id),
    ),
  );
  const invalid = Boolean(meta.errors?.length);
  return (
    <fieldset
      className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset"
      aria-describedby={invalid ? meta.errorId : undefined}
    >
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{legend}</legend>
      {invalid ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={meta.errorId}>
          {meta.errors!.join(' ')}
        </div>
      ) : null}
      {before}
      {shownName ? items.map((item) => <input key={item.id} type="hidden" name={shownName} value={item.id} />) : null}
      {items.length === 0 ? (
        <p className="utrecht-paragraph">{empty}</p>
      ) : (
        <ul className="pa-check-list">
          {items.map((item) => (
            <li key={item.id}>
              <label className="pa-check" htmlFor={`${meta.id}-${item.id}`}>
                <input
                  id={`${meta.id}-${item.id}`}
                  type="checkbox"
                  name={meta.name}
                  value={item.id}
                  defaultChecked={selected.has(item.id)}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                />
                <span>
                  {item.name}
                  {item.academyId && item.academyId !== academyId ? (
                    <span> ({t('admin.academies.nowIn', { academy: item.academyName ?? '' })})</span>
                  ) : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {after}
    </fieldset>
  );
}

export function AcademyForm({
  id,
  lastResult,
  defaultValue,
  courses,
  networks,
  academyId,
  organisationId,
  submit,
  coursesBefore,
  coursesAfter,
  coursesEmpty,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  defaultValue: Values;
  courses: AttachableItem[];
  networks: AttachableItem[];
  academyId: string | null;
  organisationId?: string;
  submit: string;
  /** Above and below the course checkboxes (one page of the organisation's courses): count and pager. */
  coursesBefore?: ReactNode;
  coursesAfter?: ReactNode;
  /** Instead of "no courses yet" when a search found none. */
  coursesEmpty?: string;
}) {
  const t = useT();
  const [form, fields] = useForm<Values>({ id, lastResult, defaultValue, ...useBrowserValidation(() => academySchema(t), [t.locale]) });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {organisationId ? <input type="hidden" name="organisationId" value={organisationId} /> : null}
      <TextField meta={fields.name} label={t('admin.academies.name')} description={t('admin.academies.nameHint')} required />
      <TextAreaField meta={fields.description} label={t('admin.academies.description')} rows={4} />
      <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset">
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">{t('admin.academies.period')}</legend>
        <TextField meta={fields.periodStart} label={t('admin.academies.periodStart')} type="date" />
        <TextField meta={fields.periodEnd} label={t('admin.academies.periodEnd')} type="date" />
      </fieldset>
      <CheckList
        meta={fields.courseIds}
        legend={t('admin.academies.courses')}
        empty={coursesEmpty ?? t('admin.academies.noCourses')}
        items={courses}
        academyId={academyId}
        shownName="shownCourseIds"
        before={coursesBefore}
        after={coursesAfter}
      />
      <CheckList
        meta={fields.networkIds}
        legend={t('admin.academies.networks')}
        empty={t('admin.academies.noNetworks')}
        items={networks}
        academyId={academyId}
      />
      <SubmitButton>{submit}</SubmitButton>
    </Form>
  );
}

import type { FieldMetadata } from '@conform-to/react';
import { Form } from '~/components/ui/form';
import type { ReactNode } from 'react';
import { useLocale, useT, type MessageKey } from '~/i18n';
import { FieldGroup, SelectField, TextAreaField, TextField } from './ui/fields';
import { localeTag, TIME_ZONE } from '~/modules/time';

// Small pieces shared by the coordinators' course pages (/beheer/cursussen), and the course form's
// fields, built from the form kit (components/ui/fields.tsx).

/** Text for screen readers only (e.g. which question a "move up" button moves). */
export function Hidden({ children }: { children: ReactNode }) {
  return <span className="pa-visually-hidden">{children}</span>;
}

/** A button in a form of its own (publish, remove, move up): posts `intent` and optional hidden fields. */
export function ActionButton({
  intent,
  fields = {},
  children,
  kind = 'secondary-action',
}: {
  intent: string;
  fields?: Record<string, string>;
  children: ReactNode;
  kind?: 'primary-action' | 'secondary-action' | 'subtle';
}) {
  return (
    <Form method="post" className="pa-inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className={`utrecht-button utrecht-button--${kind}`}>
        {children}
      </button>
    </Form>
  );
}

export const STATUS_KEYS = {
  draft: 'manageCourses.courseStatus.draft',
  published: 'manageCourses.courseStatus.published',
  cancelled: 'manageCourses.courseStatus.cancelled',
} as const satisfies Record<string, MessageKey>;

export function CourseStatus({ status }: { status: keyof typeof STATUS_KEYS }) {
  const t = useT();
  return <span className={`pa-status pa-status--${status}`}>{t(STATUS_KEYS[status])}</span>;
}

/** Date and time formatting in Dutch time, the same on the server and in the browser. */
export function useDates() {
  const locale = useLocale();
  const moment = new Intl.DateTimeFormat(localeTag(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE });
  const day = new Intl.DateTimeFormat(localeTag(locale), {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: TIME_ZONE,
  });
  const time = new Intl.DateTimeFormat(localeTag(locale), { hour: '2-digit', minute: '2-digit', timeZone: TIME_ZONE });
  return {
    moment: (d: Date | string) => moment.format(new Date(d)),
    day: (d: Date | string) => day.format(new Date(d)),
    times: (start: Date | string, end: Date | string) => `${time.format(new Date(start))}–${time.format(new Date(end))}`,
  };
}

type CourseFieldsMeta = {
  organisationId?: FieldMetadata<string | undefined>;
  title: FieldMetadata<string | undefined>;
  description: FieldMetadata<string | undefined>;
  municipalityCode: FieldMetadata<string | undefined>;
  format: FieldMetadata<string | undefined>;
  locationName: FieldMetadata<string | undefined>;
  address: FieldMetadata<string | undefined>;
  onlineUrl: FieldMetadata<string | undefined>;
  language: FieldMetadata<string | undefined>;
  cost: FieldMetadata<string | undefined>;
  capacity: FieldMetadata<number | undefined>;
  onlineCapacity: FieldMetadata<number | undefined>;
  registrationOpensAt: FieldMetadata<string | undefined>;
  registrationClosesAt: FieldMetadata<string | undefined>;
  cancellationDeadline: FieldMetadata<string | undefined>;
  claimWindowHours: FieldMetadata<number | undefined>;
  reminderDaysBefore: FieldMetadata<number | undefined>;
  completionThreshold: FieldMetadata<number | undefined>;
  certificateMinimum: FieldMetadata<number | undefined>;
  accessibilityInfo: FieldMetadata<string | undefined>;
};

/** Every field of a course, in groups (new and edit pages). */
export function CourseFormFields({
  fields,
  municipalities,
  organisations,
}: {
  fields: CourseFieldsMeta;
  municipalities: { code: string; name: string }[];
  organisations?: { id: string; name: string }[];
}) {
  const t = useT();
  return (
    <>
      <FieldGroup legend={t('manageCourses.form.about')}>
        {organisations && fields.organisationId ? (
          organisations.length > 1 ? (
            <SelectField
              meta={fields.organisationId}
              label={t('manageCourses.form.organisation')}
              options={organisations.map((o) => ({ value: o.id, label: o.name }))}
              placeholder={t('manageCourses.form.choose')}
              required
            />
          ) : (
            <input type="hidden" name={fields.organisationId.name} value={organisations[0]?.id ?? ''} />
          )
        ) : null}
        <TextField meta={fields.title} label={t('manageCourses.form.title')} required />
        <TextAreaField
          meta={fields.description}
          label={t('manageCourses.form.description')}
          description={t('manageCourses.form.descriptionHint')}
          rows={6}
        />
        <SelectField
          meta={fields.language}
          label={t('manageCourses.form.language')}
          options={[
            { value: 'nl', label: t('manageCourses.language.nl') },
            { value: 'en', label: t('manageCourses.language.en') },
          ]}
          required
        />
        <TextField
          meta={fields.cost}
          label={t('manageCourses.form.cost')}
          description={t('manageCourses.form.costHint')}
          inputMode="decimal"
          short
        />
      </FieldGroup>

      <FieldGroup legend={t('manageCourses.form.where')}>
        <SelectField
          meta={fields.format}
          label={t('manageCourses.form.format')}
          options={(['in-person', 'online', 'hybrid'] as const).map((f) => ({ value: f, label: t(`manageCourses.format.${f}`) }))}
          required
        />
        <SelectField
          meta={fields.municipalityCode}
          label={t('manageCourses.form.municipality')}
          description={t('manageCourses.form.municipalityHint')}
          options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
          placeholder={t('manageCourses.form.choose')}
          required
        />
        <TextField
          meta={fields.locationName}
          label={t('manageCourses.form.locationName')}
          description={t('manageCourses.form.locationNameHint')}
        />
        <TextField meta={fields.address} label={t('manageCourses.form.address')} />
        <TextField
          meta={fields.onlineUrl}
          label={t('manageCourses.form.onlineUrl')}
          description={t('manageCourses.form.onlineUrlHint')}
          type="url"
        />
        <TextAreaField
          meta={fields.accessibilityInfo}
          label={t('manageCourses.form.accessibility')}
          description={t('manageCourses.form.accessibilityHint')}
          rows={4}
        />
      </FieldGroup>

      <FieldGroup legend={t('manageCourses.form.seats')}>
        <TextField
          meta={fields.capacity}
          label={t('manageCourses.form.capacity')}
          description={`${t('manageCourses.form.capacityHint')} ${t('pools.form.capacityHybridHint')}`}
          type="number"
          required
        />
        <TextField
          meta={fields.onlineCapacity}
          label={t('pools.form.onlineCapacity')}
          description={t('pools.form.onlineCapacityHint')}
          type="number"
        />
        <TextField
          meta={fields.registrationOpensAt}
          label={t('manageCourses.form.opens')}
          description={t('manageCourses.form.opensHint')}
          type="datetime-local"
        />
        <TextField
          meta={fields.registrationClosesAt}
          label={t('manageCourses.form.closes')}
          description={t('manageCourses.form.closesHint')}
          type="datetime-local"
        />
        <TextField
          meta={fields.cancellationDeadline}
          label={t('manageCourses.form.cancellationDeadline')}
          description={t('manageCourses.form.cancellationDeadlineHint')}
          type="datetime-local"
        />
        <TextField
          meta={fields.claimWindowHours}
          label={t('manageCourses.form.claimWindow')}
          description={t('manageCourses.form.claimWindowHint')}
          type="number"
          required
        />
      </FieldGroup>

      <FieldGroup legend={t('manageCourses.form.emailAndCompletion')}>
        <TextField
          meta={fields.reminderDaysBefore}
          label={t('manageCourses.form.reminderDays')}
          description={t('manageCourses.form.reminderDaysHint')}
          type="number"
          required
        />
        <TextField
          meta={fields.completionThreshold}
          label={t('manageCourses.form.threshold')}
          description={t('manageCourses.form.thresholdHint')}
          type="number"
        />
        <TextField
          meta={fields.certificateMinimum}
          label={t('certificates.form.minimum')}
          description={t('certificates.form.minimumHint')}
          type="number"
        />
      </FieldGroup>
    </>
  );
}

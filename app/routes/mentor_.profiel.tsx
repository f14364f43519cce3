import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Notice, SubmitButton } from '~/components/form';
import { Choices, fieldId, FormErrors, Input, Select, TextArea, type Errors, type Values } from '~/components/network-fields';
import { localeFromRequest, translator, useLocale, useT, type Translate } from '~/i18n';
import { requireMentor } from '~/modules/mentoring/guards.server';
import { dayParts, languageIds, MAX_CAPACITY, themeOptions, weekdays } from '~/modules/mentoring/profile-options';
import {
  formValues,
  mentorOverview,
  mentorProfileSchema,
  municipalityOptions,
  parseForm,
  profileFormValues,
  saveMentorProfile,
} from '~/modules/mentoring/networks.server';
import { pageTitle } from '~/components/page-title';

// The one mentor profile of a person: one capacity for every network and organisation.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.mentorProfile');

export async function loader({ request }: LoaderFunctionArgs) {
  const { profile } = await requireMentor(request);
  const db = getDb();
  const [overview, municipalities] = await Promise.all([mentorOverview(db, profile.id), municipalityOptions(db)]);
  return {
    values: profileFormValues(profile),
    complete: Boolean(profile.completedAt),
    municipalities: municipalities.map((m) => ({ value: m.code, label: m.name })),
    networks: overview.networks,
    used: overview.used,
    capacity: profile.capacity,
    notice: profileNotice(translator(localeFromRequest(request)), new URL(request.url).searchParams.get('melding'), {
      complete: Boolean(profile.completedAt),
      used: overview.used,
      capacity: profile.capacity,
    }),
  };
}

/**
 * The notice after an invitation or a save, for the profile as it is: a mentor who already filled
 * in the profile and joins another network is not asked to fill it in again, and a capacity below
 * what is in use says what happens to the mentees they have.
 */
function profileNotice(t: Translate, notice: string | null, profile: { complete: boolean; used: number; capacity: number }) {
  if (notice === 'welkom') return profile.complete ? t('networks.profile.welcomeNetwork') : t('networks.profile.welcome');
  if (notice === 'opgeslagen')
    return profile.used > profile.capacity
      ? t('networks.profile.savedOverCapacity', { used: profile.used, capacity: profile.capacity })
      : t('networks.profile.saved');
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { profile } = await requireMentor(request);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const codes = new Set((await municipalityOptions(db)).map((m) => m.code));
  const parsed = parseForm(mentorProfileSchema(t, codes), formValues(await request.formData()));
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors }, { status: 400 });
  await saveMentorProfile(db, profile.id, parsed.value);
  return redirect('/mentor/profiel?melding=opgeslagen');
}

export default function MentorProfilePage() {
  const t = useT();
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const values = acted?.values ?? loaded.values;
  const errors: Errors = acted?.errors ?? {};
  return (
    <div className="pa-prose">
      <h1 className="utrecht-heading-1">{t('networks.profile.title')}</h1>
      {loaded.notice ? <Notice>{loaded.notice}</Notice> : null}
      {!loaded.complete ? <Notice kind="info">{t('networks.profile.incomplete')}</Notice> : null}
      <p className="utrecht-paragraph">{t('networks.profile.intro')}</p>

      <section className="pa-section" aria-labelledby="networks-heading">
        <h2 className="utrecht-heading-2" id="networks-heading">
          {t('networks.profile.networks')}
        </h2>
        {loaded.networks.length === 0 ? (
          <p className="utrecht-paragraph">{t('networks.profile.noNetworks')}</p>
        ) : (
          <ul className="utrecht-unordered-list">
            {loaded.networks.map((n) => (
              <li className="utrecht-unordered-list__item" key={n.id}>
                {n.name} ({n.organisationName})
              </li>
            ))}
          </ul>
        )}
        <p className="utrecht-paragraph">{t('networks.profile.oneCapacity', { used: loaded.used, capacity: loaded.capacity })}</p>
      </section>

      <section className="pa-section" aria-labelledby="profile-heading">
        <h2 className="utrecht-heading-2" id="profile-heading">
          {t('networks.profile.formHeading')}
        </h2>
        <Form method="post" noValidate>
          <FormErrors errors={acted?.errors} />
          <Select
            name="office"
            label={t('networks.profile.office')}
            values={values}
            errors={errors}
            required
            options={(['council-member', 'alderman', 'mayor', 'provincial', 'former'] as const).map((o) => ({
              value: o,
              label: t(`networks.office.${o}`),
            }))}
          />
          <Select
            name="municipalityCode"
            label={t('networks.profile.municipality')}
            description={t('networks.profile.municipalityHint')}
            values={values}
            errors={errors}
            required
            placeholder={t('networks.form.choose')}
            options={loaded.municipalities}
          />
          <Input
            name="party"
            label={t('networks.profile.party')}
            description={t('networks.profile.partyHint')}
            values={values}
            errors={errors}
          />
          <Select
            name="gender"
            label={t('networks.profile.gender')}
            description={t('networks.profile.genderHint')}
            values={values}
            errors={errors}
            placeholder={t('networks.profile.genderNone')}
            options={(['woman', 'man', 'non-binary'] as const).map((g) => ({ value: g, label: t(`networks.gender.${g}`) }))}
          />
          <Choices
            name="themes"
            legend={t('networks.profile.themes')}
            values={values}
            errors={errors}
            required
            options={themeOptions(locale)}
          />
          <Choices
            name="languages"
            legend={t('networks.profile.languages')}
            values={values}
            errors={errors}
            required
            options={languageIds.map((l) => ({ value: l, label: t(`networks.language.${l}`) }))}
          />
          <Choices
            name="meetingModes"
            legend={t('networks.profile.meetingModes')}
            values={values}
            errors={errors}
            required
            options={(['in-person', 'online'] as const).map((m) => ({ value: m, label: t(`networks.meetingMode.${m}`) }))}
          />
          <Input
            name="capacity"
            type="number"
            min={0}
            max={MAX_CAPACITY}
            short
            label={t('networks.profile.capacity')}
            description={t('networks.profile.capacityHint', { max: MAX_CAPACITY })}
            values={values}
            errors={errors}
            required
          />
          <Availability values={values} errors={errors} />
          <TextArea
            name="bio"
            label={t('networks.profile.bio')}
            description={t('networks.profile.bioHint')}
            values={values}
            errors={errors}
          />
          <Input
            name="phone"
            type="tel"
            label={t('networks.profile.phone')}
            description={t('networks.profile.phoneHint')}
            values={values}
            errors={errors}
            autoComplete="tel"
          />
          <Input
            name="pausedUntil"
            type="date"
            label={t('networks.profile.pausedUntil')}
            description={t('networks.profile.pausedUntilHint')}
            values={values}
            errors={errors}
          />
          <SubmitButton>{t('networks.profile.submit')}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}

/** When the mentor can meet: a fieldset per weekday with morning, afternoon and evening. */
function Availability({ values, errors }: { values: Values; errors: Errors }) {
  const t = useT();
  const chosen = new Set(Array.isArray(values.availability) ? values.availability : values.availability ? [values.availability] : []);
  const invalid = Boolean(errors.availability?.length);
  const id = fieldId('availability');
  return (
    <fieldset
      id={id}
      className={`utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset${invalid ? ' utrecht-form-fieldset--invalid' : ''}`}
      aria-describedby={[invalid ? `${id}-error` : null, `${id}-description`].filter(Boolean).join(' ')}
    >
      <legend>{t('networks.profile.availability')}</legend>
      <div className="utrecht-form-field-description" id={`${id}-description`}>
        {t('networks.profile.availabilityHint')}
      </div>
      {invalid ? (
        <div className="utrecht-form-field-error-message" id={`${id}-error`}>
          {errors.availability!.join(' ')}
        </div>
      ) : null}
      {weekdays.map((day) => (
        <fieldset key={day} className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset pa-fieldset">
          <legend>{t(`networks.day.${day}`)}</legend>
          <div className="pa-field-row">
            {dayParts.map((part) => (
              <label key={part} className="pa-check" htmlFor={`${id}-${day}-${part}`}>
                <input
                  type="checkbox"
                  id={`${id}-${day}-${part}`}
                  name="availability"
                  value={`${day}-${part}`}
                  defaultChecked={chosen.has(`${day}-${part}`)}
                  className="utrecht-checkbox utrecht-checkbox--html-input"
                />
                <span>{t(`networks.dayPart.${part}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

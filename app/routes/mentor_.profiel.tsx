import { getFormProps, useForm, type FieldMetadata } from '@conform-to/react';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { Notice } from '~/components/ui/notice';
import { NOTICE_PARAM } from '~/components/ui/notice-key';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { ErrorSummary } from '~/components/ui/error-summary';
import { CheckboxGroupField, SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { localeFromRequest, translator, useLocale, useT } from '~/i18n';
import { requireMentor } from '~/modules/mentoring/guards.server';
import { dayParts, MAX_CAPACITY, themeOptions, weekdays } from '~/modules/mentoring/profile-options';
import { mentorOverview, profileFormValues, saveMentorProfile } from '~/modules/mentoring/networks/mentor-profile.server';
import { mentorProfileSchema, type MentorProfileFields } from '~/modules/mentoring/networks/schemas';
import { useBrowserValidation } from '~/components/ui/validation';
import { municipalityOptions } from '~/modules/mentoring/networks/geography.server';
import { pageTitle } from '~/components/page-title';
import { languageIds } from '~/modules/mentoring/application-options';

// The one mentor profile of a person: one capacity for every network and organisation.

export const meta: MetaFunction = (args) => pageTitle(args, 'title.mentorProfile');

export async function loader({ request }: LoaderFunctionArgs) {
  const { profile } = await requireMentor(request);
  // A mentor who already filled in the profile and joins another network is not asked to fill it in again.
  if (profile.completedAt && new URL(request.url).searchParams.get(NOTICE_PARAM) === 'mentorProfile.welcome') {
    throw redirectWithNotice('/mentor/profiel', 'notice.mentorProfile.welcomeNetwork');
  }
  const db = getDb();
  const [overview, municipalities] = await Promise.all([mentorOverview(db, profile.id), municipalityOptions(db)]);
  return {
    values: profileFormValues(profile),
    complete: Boolean(profile.completedAt),
    municipalities: municipalities.map((m) => ({ value: m.code, label: m.name })),
    networks: overview.networks,
    used: overview.used,
    capacity: profile.capacity,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { profile } = await requireMentor(request);
  const db = getDb();
  const t = translator(localeFromRequest(request));
  const codes = new Set((await municipalityOptions(db)).map((m) => m.code));
  const submission = parseWithZod(await request.formData(), { schema: mentorProfileSchema(t, codes), disableAutoCoercion: true });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  await saveMentorProfile(db, profile.id, submission.value);
  // A capacity below what is in use says what happens to the mentees they have.
  const { used } = await mentorOverview(db, profile.id);
  const capacity = submission.value.capacity;
  return used > capacity
    ? redirectWithNotice('/mentor/profiel', 'notice.mentorProfile.savedOverCapacity', { used, capacity })
    : redirectWithNotice('/mentor/profiel', 'notice.mentorProfile.saved');
}

export default function MentorProfilePage() {
  const t = useT();
  const locale = useLocale();
  const loaded = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<MentorProfileFields>({
    id: 'mentor-profile',
    lastResult,
    defaultValue: loaded.values,
    ...useBrowserValidation(
      () => mentorProfileSchema(t, new Set(loaded.municipalities.map((m) => m.value))),
      [t.locale, loaded.municipalities],
      {
        disableAutoCoercion: true,
      },
    ),
  });
  return (
    <div className="pa-prose">
      <h1 className="utrecht-heading-1">{t('networks.profile.title')}</h1>
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
        <Form method="post" {...getFormProps(form)}>
          <ErrorSummary form={form} />
          <SelectField
            meta={fields.office}
            label={t('networks.profile.office')}
            required
            options={(['council-member', 'alderman', 'mayor', 'provincial', 'former'] as const).map((o) => ({
              value: o,
              label: t(`networks.office.${o}`),
            }))}
          />
          <SelectField
            meta={fields.municipalityCode}
            label={t('networks.profile.municipality')}
            description={t('networks.profile.municipalityHint')}
            required
            placeholder={t('networks.form.choose')}
            options={loaded.municipalities}
          />
          <TextField meta={fields.party} label={t('networks.profile.party')} description={t('networks.profile.partyHint')} />
          <SelectField
            meta={fields.gender}
            label={t('networks.profile.gender')}
            description={t('networks.profile.genderHint')}
            placeholder={t('networks.profile.genderNone')}
            options={(['woman', 'man', 'non-binary'] as const).map((g) => ({ value: g, label: t(`networks.gender.${g}`) }))}
          />
          <CheckboxGroupField meta={fields.themes} legend={t('networks.profile.themes')} required columns options={themeOptions(locale)} />
          <CheckboxGroupField
            meta={fields.languages}
            legend={t('networks.profile.languages')}
            required
            columns
            options={languageIds.map((l) => ({ value: l, label: t(`networks.language.${l}`) }))}
          />
          <CheckboxGroupField
            meta={fields.meetingModes}
            legend={t('networks.profile.meetingModes')}
            required
            options={(['in-person', 'online'] as const).map((m) => ({ value: m, label: t(`networks.meetingMode.${m}`) }))}
          />
          <TextField
            meta={fields.capacity}
            type="number"
            min={0}
            max={MAX_CAPACITY}
            label={t('networks.profile.capacity')}
            description={t('networks.profile.capacityHint', { max: MAX_CAPACITY })}
            required
          />
          <Availability meta={fields.availability} />
          <TextAreaField meta={fields.bio} label={t('networks.profile.bio')} description={t('networks.profile.bioHint')} />
          <TextField
            meta={fields.phone}
            type="tel"
            label={t('networks.profile.phone')}
            description={t('networks.profile.phoneHint')}
            autoComplete="tel"
          />
          <TextField
            meta={fields.pausedUntil}
            type="date"
            label={t('networks.profile.pausedUntil')}
            description={t('networks.profile.pausedUntilHint')}
          />
          <SubmitButton>{t('networks.profile.submit')}</SubmitButton>
        </Form>
      </section>
    </div>
  );
}

/** When the mentor can meet: the boxes of a weekday (morning, afternoon, evening) under its name. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the metadata of the profile form's field
function Availability({ meta }: { meta: FieldMetadata<any> }) {
  const t = useT();
  return (
    <CheckboxGroupField
      meta={meta}
      legend={t('networks.profile.availability')}
      description={t('networks.profile.availabilityHint')}
      options={weekdays.flatMap((day) => dayParts.map((part) => ({ value: `${day}-${part}`, label: t(`networks.dayPart.${part}`) })))}
      groups={weekdays.map((day) => ({ label: t(`networks.day.${day}`), values: dayParts.map((part) => `${day}-${part}`) }))}
    />
  );
}

import { getFormProps, useForm } from '@conform-to/react';
import { useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { hostOffices } from '~db/schema';
import { SubmitButton } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { SelectField, TextField } from '~/components/ui/fields';
import { useT } from '~/i18n';
import type { action, loader } from './route';

/** The host's one profile (name, office, municipality), shared by all their academies. */
export function ProfileForm() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useForm<{ name: string; office: string; municipalityCode: string }>({
    id: 'host-profile',
    lastResult: answer?.form === 'profile' ? answer.result : undefined,
    defaultValue: page.host,
  });
  return (
    <Form method="post" {...getFormProps(form)}>
      <ErrorSummary form={form} />
      <TextField meta={fields.name} label={t('placements.profile.name')} required autoComplete="name" />
      <SelectField
        meta={fields.office}
        label={t('placements.profile.office')}
        required
        options={hostOffices.map((o) => ({ value: o, label: t(`placements.office.${o}`) }))}
      />
      <SelectField
        meta={fields.municipalityCode}
        label={t('placements.profile.municipality')}
        required
        placeholder={t('placements.profile.choose')}
        options={page.municipalities}
      />
      <SubmitButton name="intent" value="profile">
        {t('placements.profile.save')}
      </SubmitButton>
    </Form>
  );
}

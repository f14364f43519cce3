import { getFormProps, useForm } from '@conform-to/react';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { SubmitButton } from '~/components/form';
import { ErrorSummary } from '~/components/ui/error-summary';
import { SelectField, TextAreaField, TextField } from '~/components/ui/fields';
import { useT } from '~/i18n';
import type { action, loader } from './route';

export type SlotFields = Record<'academyId' | 'startsOn' | 'endsOn' | 'municipalityCode' | 'capacity' | 'note', string>;

/** Offering a new slot, or (with `slot`) changing one: its academy stays. */
export function SlotForm({ slot }: { slot?: { id: string; academy: string; values: SlotFields } }) {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const kind = slot ? 'edit-slot' : 'slot';
  const [form, fields] = useForm<SlotFields>({
    id: slot ? 'edit-slot' : 'offer-slot',
    lastResult: answer?.form === kind ? answer.result : undefined,
    defaultValue: slot
      ? slot.values
      : {
          academyId: page.academies.length === 1 ? page.academies[0]!.id : '',
          capacity: '1',
          municipalityCode: page.host.municipalityCode,
        },
  });
  return (
    <Form method="post" action={slot ? `/stagebieder?wijzigen=${slot.id}` : undefined} {...getFormProps(form)}>
      <ErrorSummary form={form} />
      {slot ? (
        <>
          <input type="hidden" name="slotId" value={slot.id} />
          <input type="hidden" name="academyId" value={slot.values.academyId} />
          <p className="utrecht-paragraph">{t('placements.slotEdit.academy', { academy: slot.academy })}</p>
        </>
      ) : (
        <SelectField
          meta={fields.academyId}
          label={t('placements.slotForm.academy')}
          required
          options={page.academies.map((a) => ({ value: a.id, label: `${a.name} (${a.organisationName})` }))}
        />
      )}
      <TextField meta={fields.startsOn} type="date" label={t('placements.slotForm.startsOn')} required />
      <TextField
        meta={fields.endsOn}
        type="date"
        label={t('placements.slotForm.endsOn')}
        description={t('placements.slotForm.endsOnHint')}
        required
      />
      <SelectField
        meta={fields.municipalityCode}
        label={t('placements.slotForm.municipality')}
        required
        placeholder={t('placements.profile.choose')}
        options={page.municipalities}
      />
      <TextField
        meta={fields.capacity}
        type="number"
        inputMode="numeric"
        min={1}
        max={10}
        short
        label={t('placements.slotForm.capacity')}
        required
      />
      <TextAreaField meta={fields.note} label={t('placements.slotForm.note')} description={t('placements.slotForm.noteHint')} rows={3} />
      <div className="pa-button-row">
        <SubmitButton name="intent" value={kind}>
          {slot ? t('placements.slotEdit.submit') : t('placements.slotForm.submit')}
        </SubmitButton>
        {slot ? (
          <Link className="utrecht-link" to="/stagebieder">
            {t('placements.respond.keep')}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

import type { FieldMetadata } from '@conform-to/react';
import { useT, type MessageKey } from '~/i18n';
import type { NetworkFields as Fields, ProvinceOption } from '~/modules/mentoring/networks/schemas';
import {
  CheckboxField,
  CheckboxGroupField,
  FieldGroup,
  RadioGroupField,
  SelectField,
  TextAreaField,
  TextField,
  type Option,
} from './ui/fields';

// The fields of a network (new and edit), built from the form kit (components/ui/fields.tsx).

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

type FieldsOf<T> = { [K in keyof T]-?: FieldMetadata<T[K]> };

/**
 * Where a network works: the whole country, some provinces, or some municipalities. Municipalities are
 * checkboxes per province, each province a disclosure (open when something in it is chosen), so the
 * 342 choices stay findable with keyboard and screen reader, without JavaScript.
 */
function RegionFields({ fields, geography }: { fields: FieldsOf<Fields>; geography: ProvinceOption[] }) {
  const t = useT();
  const chosen = [fields.municipalities.initialValue ?? []].flat().length;
  return (
    <>
      <RadioGroupField
        meta={fields.regionKind}
        legend={t('networks.form.regionKind')}
        description={t('networks.form.regionKindHint')}
        required
        options={(['national', 'provinces', 'municipalities'] as const).map((k) => ({ value: k, label: t(`networks.region.${k}`) }))}
      />
      <CheckboxGroupField
        meta={fields.provinces}
        legend={t('networks.form.provinces')}
        description={t('networks.form.provincesHint')}
        columns
        options={geography.map((p) => ({ value: p.code, label: p.name }))}
      />
      <CheckboxGroupField
        meta={fields.municipalities}
        legend={t('networks.form.municipalities')}
        description={t('networks.form.municipalitiesHint', { count: chosen })}
        columns
        options={geography.flatMap((p) => p.municipalities.map((m) => ({ value: m.code, label: m.name })))}
        groups={geography.map((p) => ({ label: p.name, values: p.municipalities.map((m) => m.code) }))}
        disclosure={(g) => t('networks.form.provinceMunicipalities', { province: g.label, count: g.chosen })}
      />
    </>
  );
}

/** Every field of a network except its intake questions (those have their own forms). */
export function NetworkFields({
  fields,
  geography,
  organisations,
  weightIds,
}: {
  fields: FieldsOf<Fields>;
  geography: ProvinceOption[];
  organisations?: Option[];
  weightIds: readonly (keyof typeof WEIGHT_KEYS)[];
}) {
  const t = useT();
  const weights = fields.weights.getFieldset();
  return (
    <>
      {organisations ? (
        organisations.length === 1 ? (
          <input type="hidden" name={fields.organisationId.name} value={organisations[0]!.value} />
        ) : (
          <SelectField
            meta={fields.organisationId}
            label={t('networks.form.organisation')}
            options={organisations}
            required
            placeholder={t('networks.form.choose')}
          />
        )
      ) : null}
      <TextField meta={fields.name} label={t('networks.form.name')} required />
      <TextAreaField meta={fields.description} label={t('networks.form.description')} description={t('networks.form.descriptionHint')} />
      <RadioGroupField
        meta={fields.focusGroup}
        legend={t('networks.form.focusGroup')}
        required
        options={(Object.keys(FOCUS_KEYS) as (keyof typeof FOCUS_KEYS)[]).map((k) => ({ value: k, label: t(FOCUS_KEYS[k]) }))}
      />
      <RegionFields fields={fields} geography={geography} />
      <FieldGroup legend={t('networks.form.period')}>
        <div className="pa-field-row">
          <TextField meta={fields.periodStart} type="date" label={t('networks.form.periodStart')} />
          <TextField meta={fields.periodEnd} type="date" label={t('networks.form.periodEnd')} />
        </div>
      </FieldGroup>
      <CheckboxField
        meta={fields.applicationsOpen}
        label={t('networks.form.applicationsOpen')}
        description={t('networks.form.applicationsOpenHint')}
      />
      <FieldGroup legend={t('networks.form.weights')} description={t('networks.form.weightsHint')} meta={fields.weights}>
        {weightIds.map((id) => (
          <TextField key={id} meta={weights[id]} type="number" min={0} max={100} label={t(WEIGHT_KEYS[id])} required />
        ))}
      </FieldGroup>
      <FieldGroup legend={t('networks.form.proposalDays')} description={t('networks.form.proposalDaysHint')}>
        <TextField meta={fields.proposalReminderDays} type="number" min={1} max={60} label={t('networks.form.reminderDays')} required />
        <TextField meta={fields.proposalAlertDays} type="number" min={1} max={60} label={t('networks.form.alertDays')} required />
        <TextField meta={fields.proposalExpiryDays} type="number" min={1} max={90} label={t('networks.form.expiryDays')} required />
      </FieldGroup>
    </>
  );
}

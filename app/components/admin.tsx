import type { FieldMetadata } from '@conform-to/react';
import { organisationKinds } from '~db/schema/organisations';
import { useT } from '~/i18n';
import { SelectField, TextField } from './ui/fields';

// Pieces of the administrators' pages (/admin) and the coordinators' organisation pages.

/** Name, kind and contact address of an organisation (new and edit pages). */
export function OrganisationFormFields({
  fields,
}: {
  fields: {
    name: FieldMetadata<string | undefined>;
    kind: FieldMetadata<string | undefined>;
    contactEmail: FieldMetadata<string | undefined>;
  };
}) {
  const t = useT();
  return (
    <>
      <TextField meta={fields.name} label={t('admin.orgs.name')} required autoComplete="organization" />
      <SelectField
        meta={fields.kind}
        label={t('admin.orgs.kind')}
        options={organisationKinds.map((k) => ({ value: k, label: t(`org.kind.${k}`) }))}
        placeholder={t('admin.orgs.choose')}
        required
      />
      <TextField
        meta={fields.contactEmail}
        label={t('admin.orgs.contactEmail')}
        description={t('admin.orgs.contactEmailHint')}
        type="email"
        autoComplete="email"
      />
    </>
  );
}

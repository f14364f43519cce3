import { getFormProps, useForm } from '@conform-to/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { OrganisationFormFields } from '~/components/admin';
import { SubmitButton } from '~/components/form';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireAdmin } from '~/modules/auth/session.server';
import { createOrganisation, nameInUse } from '~/modules/organisations/admin.server';
import { organisationSchema, type OrganisationFields } from '~/modules/organisations/schemas';
import { useBrowserValidation } from '~/components/ui/validation';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.adminOrganisationNew');

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdmin(request);
  const t = translator(localeFromRequest(request));
  const db = getDb();
  const submission = parseWithZod(await request.formData(), { schema: organisationSchema(t) });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  if (await nameInUse(db, submission.value.name)) {
    return data(submission.reply({ fieldErrors: { name: [t('admin.errors.nameTaken')] } }), { status: 400 });
  }
  const { id } = await createOrganisation(db, submission.value);
  return redirectWithNotice(`/admin/organisaties/${id}`, 'notice.organisation.created');
}

export default function NewOrganisation() {
  const t = useT();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<OrganisationFields>({
    id: 'new-organisation',
    lastResult,
    defaultValue: { kind: 'association' },
    ...useBrowserValidation(() => organisationSchema(t), [t.locale]),
  });
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/admin">
          {t('admin.backToList')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('admin.orgs.newTitle')}</h1>
      <p className="utrecht-paragraph">{t('admin.orgs.newIntro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <OrganisationFormFields fields={fields} />
        <SubmitButton>{t('admin.orgs.create')}</SubmitButton>
      </Form>
    </div>
  );
}

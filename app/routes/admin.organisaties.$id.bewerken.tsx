import { getFormProps, useForm } from '@conform-to/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { OrganisationFormFields } from '~/components/admin';
import { SubmitButton } from '~/components/form';
import { localeFromRequest, translator, useT } from '~/i18n';
import { requireAdmin } from '~/modules/auth/session.server';
import { getOrganisation, nameInUse, updateOrganisation } from '~/modules/organisations/admin.server';
import { isUuid, notFound } from '~/modules/http.server';
import { organisationSchema, type OrganisationFields } from '~/modules/organisations/schemas';
import { pageTitle } from '~/components/page-title';
import { ErrorSummary } from '~/components/ui/error-summary';
import { useBrowserValidation } from '~/components/ui/validation';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.adminOrganisationEdit', args.data ? { organisation: args.data.organisation.name } : null);

async function organisationOf(request: Request, id: string | undefined) {
  await requireAdmin(request);
  const organisation = isUuid(id) ? await getOrganisation(getDb(), id) : null;
  if (!organisation) throw notFound();
  return organisation;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const organisation = await organisationOf(request, params.id);
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      kind: organisation.kind,
      contactEmail: organisation.contactEmail ?? '',
      slug: organisation.slug,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const organisation = await organisationOf(request, params.id);
  const t = translator(localeFromRequest(request));
  const db = getDb();
  const submission = parseWithZod(await request.formData(), { schema: organisationSchema(t) });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  if (await nameInUse(db, submission.value.name, organisation.id)) {
    return data(submission.reply({ fieldErrors: { name: [t('admin.errors.nameTaken')] } }), { status: 400 });
  }
  await updateOrganisation(db, organisation.id, submission.value);
  return redirectWithNotice(`/admin/organisaties/${organisation.id}`, 'notice.organisation.saved');
}

export default function EditOrganisation() {
  const t = useT();
  const { organisation } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<OrganisationFields>({
    id: 'edit-organisation',
    lastResult,
    defaultValue: { name: organisation.name, kind: organisation.kind, contactEmail: organisation.contactEmail },
    ...useBrowserValidation(() => organisationSchema(t), [t.locale]),
  });
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={`/admin/organisaties/${organisation.id}`}>
          {t('admin.backToOrganisation', { organisation: organisation.name })}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('admin.orgs.editTitle')}</h1>
      <p className="utrecht-paragraph">{t('admin.orgs.slugNote', { slug: organisation.slug })}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <OrganisationFormFields fields={fields} />
        <SubmitButton>{t('admin.orgs.save')}</SubmitButton>
      </Form>
    </div>
  );
}

import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data, redirect } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { FormErrors, NetworkFields } from '~/components/network-fields';
import { localeFromRequest, translator, useT } from '~/i18n';
import { scorePartIds } from '~/modules/matching/scoring';
import {
  createNetwork,
  formValues,
  nestWeights,
  networkFormValues,
  networkSchema,
  parseForm,
  provinceOptions,
} from '~/modules/mentoring/networks.server';
import { requireCoordinator } from '~/modules/organisations/guards.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.networkNew');

export async function loader({ request }: LoaderFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  return {
    organisations: coordinator.organisations.map((o) => ({ value: o.id, label: o.name })),
    geography: await provinceOptions(getDb()),
    values: networkFormValues(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const coordinator = await requireCoordinator(request);
  const t = translator(localeFromRequest(request));
  const db = getDb();
  const schema = networkSchema(
    t,
    await provinceOptions(db),
    coordinator.organisations.map((o) => o.id),
  );
  const values = formValues(await request.formData());
  const parsed = parseForm(schema, values, nestWeights(values));
  if (!parsed.ok) return data({ values: parsed.values, errors: parsed.errors }, { status: 400 });
  const id = await createNetwork(db, parsed.value.organisationId!, coordinator.user.id, parsed.value);
  return redirect(`/beheer/netwerken/${id}?melding=aangemaakt`);
}

export default function NewNetwork() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const values = acted?.values ?? loaded.values;
  const errors = acted?.errors ?? {};
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/netwerken">
          {t('networks.backToList')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('networks.new.title')}</h1>
      <p className="utrecht-paragraph">{t('networks.new.intro')}</p>
      <Form method="post" noValidate>
        <FormErrors errors={acted?.errors} />
        <NetworkFields
          values={values}
          errors={errors}
          geography={loaded.geography}
          organisations={loaded.organisations}
          weightIds={scorePartIds}
        />
        <SubmitButton>{t('networks.new.submit')}</SubmitButton>
      </Form>
    </div>
  );
}

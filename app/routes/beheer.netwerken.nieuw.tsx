import { getFormProps, useForm } from '@conform-to/react';
import { redirectWithNotice } from '~/components/ui/notice.server';
import { parseWithZod } from '@conform-to/zod/v4';
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { SubmitButton } from '~/components/form';
import { NetworkFields } from '~/components/network-fields';
import { ErrorSummary } from '~/components/ui/error-summary';
import { localeFromRequest, translator, useT } from '~/i18n';
import { scorePartIds } from '~/modules/matching/scoring';
import { createNetwork, networkFormValues } from '~/modules/mentoring/networks/network.server';
import { networkSchema, type NetworkFields as Fields } from '~/modules/mentoring/networks/schemas';
import { useBrowserValidation } from '~/components/ui/validation';
import { provinceOptions } from '~/modules/mentoring/networks/geography.server';
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
  const submission = parseWithZod(await request.formData(), { schema, disableAutoCoercion: true });
  if (submission.status !== 'success') return data(submission.reply(), { status: 400 });
  const id = await createNetwork(db, submission.value.organisationId!, coordinator.user.id, submission.value);
  return redirectWithNotice(`/beheer/netwerken/${id}`, 'notice.network.created');
}

export default function NewNetwork() {
  const t = useT();
  const loaded = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<Fields>({
    id: 'network',
    lastResult,
    defaultValue: loaded.values,
    ...useBrowserValidation(
      () =>
        networkSchema(
          t,
          loaded.geography,
          loaded.organisations.map((o) => o.value),
        ),
      [t.locale, loaded.geography, loaded.organisations],
      { disableAutoCoercion: true },
    ),
  });
  return (
    <div className="pa-manage pa-prose">
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/beheer/netwerken">
          {t('networks.backToList')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{t('networks.new.title')}</h1>
      <p className="utrecht-paragraph">{t('networks.new.intro')}</p>
      <Form method="post" {...getFormProps(form)}>
        <ErrorSummary form={form} />
        <NetworkFields fields={fields} geography={loaded.geography} organisations={loaded.organisations} weightIds={scorePartIds} />
        <SubmitButton>{t('networks.new.submit')}</SubmitButton>
      </Form>
    </div>
  );
}

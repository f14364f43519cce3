import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { getDb } from '~db/client.server';
import { useLocale, useT } from '~/i18n';
import { assertMailboxAvailable, listMailbox, parseMailboxQuery } from '~/modules/email/mailbox.server';
import { pageTitle } from '~/components/page-title';
import { DataTable } from '~/components/ui/data-table';
import { TIME_ZONE } from '~/modules/time';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.mailbox', {}, { noindex: true });

export async function loader({ request }: LoaderFunctionArgs) {
  assertMailboxAvailable();
  const query = parseMailboxQuery(new URL(request.url).searchParams);
  return { address: query.address, ...(await listMailbox(getDb(), query)) };
}

/** A link to another page of the list, keeping the address filter. */
function pageHref(address: string, page: number) {
  const params = new URLSearchParams();
  if (address) params.set('adres', address);
  if (page > 1) params.set('pagina', String(page));
  const query = params.toString();
  return `/dev/mailbox${query ? `?${query}` : ''}`;
}

export default function Mailbox() {
  const t = useT();
  const locale = useLocale();
  const { messages, address, page, pageCount, total } = useLoaderData<typeof loader>();
  const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: TIME_ZONE,
  });
  return (
    <>
      <h1 className="utrecht-heading-1">{t('mailbox.title')}</h1>
      <p className="utrecht-paragraph">{t('mailbox.intro')}</p>
      {/* A GET form: the filter lives in the URL and works without JavaScript. */}
      <Form method="get" className="pa-inline-form" role="search" aria-label={t('mailbox.filter.label')}>
        <div className="utrecht-form-field">
          <label className="utrecht-form-label" htmlFor="mailbox-address">
            {t('mailbox.filter.address')}
          </label>
          <input
            className="utrecht-textbox utrecht-textbox--html-input"
            id="mailbox-address"
            name="adres"
            type="search"
            defaultValue={address}
            autoComplete="off"
          />
        </div>
        <p className="utrecht-paragraph">
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            {t('mailbox.filter.submit')}
          </button>{' '}
          {address ? (
            <Link className="utrecht-link" to="/dev/mailbox">
              {t('mailbox.filter.clear')}
            </Link>
          ) : null}
        </p>
      </Form>
      <p className="utrecht-paragraph" role="status">
        {address ? t('mailbox.countFiltered', { total, address }) : t('mailbox.count', { total })}
        {pageCount > 1 ? ` ${t('mailbox.pageOf', { page, pageCount })}` : ''}
      </p>
      {messages.length === 0 ? (
        <p className="utrecht-paragraph">{address ? t('mailbox.noneFound') : t('mailbox.empty')}</p>
      ) : (
        <DataTable
          id="mailbox-caption"
          caption={t('mailbox.caption')}
          rows={messages}
          rowKey={(m) => m.id}
          columns={[
            { key: 'when', header: t('mailbox.when'), cell: (m) => when.format(new Date(m.createdAt)) },
            { key: 'to', header: t('mailbox.to'), cell: (m) => m.recipient },
            {
              key: 'subject',
              header: t('mailbox.subject'),
              cell: (m) => (
                <Link className="utrecht-link" to={`/dev/mailbox/${m.id}`}>
                  {m.subject}
                </Link>
              ),
            },
            { key: 'status', header: t('mailbox.status'), cell: (m) => t(`status.${m.status}`) },
          ]}
        />
      )}
      {pageCount > 1 ? (
        <nav className="utrecht-pagination pa-pagination" aria-label={t('mailbox.pages')}>
          <ul className="pa-pagination__list">
            {page > 1 ? (
              <li>
                <Link className="utrecht-pagination__relative-link" rel="prev" to={pageHref(address, page - 1)}>
                  {t('mailbox.newer')}
                </Link>
              </li>
            ) : null}
            {page < pageCount ? (
              <li>
                <Link className="utrecht-pagination__relative-link" rel="next" to={pageHref(address, page + 1)}>
                  {t('mailbox.older')}
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

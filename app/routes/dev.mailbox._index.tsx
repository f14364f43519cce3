import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { useLocale, useT } from '~/i18n';
import { assertMailboxAvailable, listMailbox } from '~/modules/email/mailbox.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.mailbox', {}, { noindex: true });

export async function loader(_: LoaderFunctionArgs) {
  assertMailboxAvailable();
  return { messages: await listMailbox(getDb()) };
}

export default function Mailbox() {
  const t = useT();
  const locale = useLocale();
  const { messages } = useLoaderData<typeof loader>();
  const when = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'medium',
    timeZone: 'Europe/Amsterdam',
  });
  return (
    <>
      <h1 className="utrecht-heading-1">{t('mailbox.title')}</h1>
      <p className="utrecht-paragraph">{t('mailbox.intro')}</p>
      {messages.length === 0 ? (
        <p className="utrecht-paragraph">{t('mailbox.empty')}</p>
      ) : (
        <div className="pa-table-scroll" tabIndex={0} role="region" aria-labelledby="mailbox-caption">
          <table className="utrecht-table">
            <caption className="utrecht-table__caption" id="mailbox-caption">
              {t('mailbox.caption')}
            </caption>
            <thead className="utrecht-table__header">
              <tr className="utrecht-table__row">
                <th className="utrecht-table__header-cell" scope="col">
                  {t('mailbox.when')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('mailbox.to')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('mailbox.subject')}
                </th>
                <th className="utrecht-table__header-cell" scope="col">
                  {t('mailbox.status')}
                </th>
              </tr>
            </thead>
            <tbody className="utrecht-table__body">
              {messages.map((m) => (
                <tr className="utrecht-table__row" key={m.id}>
                  <td className="utrecht-table__cell">{when.format(new Date(m.createdAt))}</td>
                  <td className="utrecht-table__cell">{m.recipient}</td>
                  <td className="utrecht-table__cell">
                    <Link className="utrecht-link" to={`/dev/mailbox/${m.id}`}>
                      {m.subject}
                    </Link>
                  </td>
                  <td className="utrecht-table__cell">{t(`status.${m.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { useT } from '~/i18n';
import { assertMailboxAvailable, extractLinks, getMailboxMessage } from '~/modules/email/mailbox.server';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, 'title.mailboxMessage', args.data ? { subject: args.data.subject } : null, { noindex: true });

export async function loader({ params }: LoaderFunctionArgs) {
  assertMailboxAvailable();
  const message = await getMailboxMessage(getDb(), params.id ?? '');
  if (!message) throw new Response('Not Found', { status: 404 });
  return {
    id: message.id,
    // Not sent yet: no subject is rendered, so the page names the template, as the list does.
    subject: message.subject ?? message.template,
    recipient: message.recipient,
    template: message.template,
    status: message.status,
    text: message.textBody,
    hasHtml: Boolean(message.html),
    attachments: (message.attachments ?? []).map((a) => a.filename),
    links: extractLinks(message.textBody),
  };
}

export default function MailboxMessage() {
  const t = useT();
  const m = useLoaderData<typeof loader>();
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/dev/mailbox">
          {t('mailbox.back')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{m.subject}</h1>
      <dl className="pa-details">
        <dt>{t('mailbox.to')}</dt>
        <dd>{m.recipient}</dd>
        <dt>{t('mailbox.template')}</dt>
        <dd>{m.template}</dd>
        <dt>{t('mailbox.status')}</dt>
        <dd>{t(`status.${m.status}`)}</dd>
      </dl>
      <h2 className="utrecht-heading-2">{t('mailbox.links')}</h2>
      <ul className="utrecht-unordered-list pa-mail-links">
        {m.links.map((url) => (
          <li className="utrecht-unordered-list__item" key={url}>
            <a className="utrecht-link" href={url}>
              {url}
            </a>
          </li>
        ))}
      </ul>
      {m.attachments.length ? (
        <>
          <h2 className="utrecht-heading-2">{t('mailbox.attachments')}</h2>
          <ul className="utrecht-unordered-list">
            {m.attachments.map((name, index) => (
              <li className="utrecht-unordered-list__item" key={`${index}-${name}`}>
                <a className="utrecht-link" href={`/dev/mailbox/${m.id}/bijlage/${index}`} download={name}>
                  {name}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 className="utrecht-heading-2">{t('mailbox.text')}</h2>
      <pre className="pa-mail-text">{m.text}</pre>
      {m.hasHtml ? (
        <>
          <h2 className="utrecht-heading-2">{t('mailbox.html')}</h2>
          <iframe
            className="pa-mail-html"
            title={`${t('mailbox.html')}: ${m.subject}`}
            src={`/dev/mailbox/${m.id}/html`}
            sandbox="allow-popups allow-top-navigation-by-user-activation"
          />
        </>
      ) : null}
    </>
  );
}

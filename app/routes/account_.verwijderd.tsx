import type { MetaFunction } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useT } from '~/i18n';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accountDeleted');

export default function AccountDeleted() {
  const t = useT();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('privacy.deleted.title')}</h1>
      <p className="utrecht-paragraph">{t('privacy.deleted.body')}</p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/">
          {t('privacy.deleted.home')}
        </Link>
      </p>
    </div>
  );
}

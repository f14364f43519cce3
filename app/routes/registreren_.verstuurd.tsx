import type { MetaFunction } from '@remix-run/node';
import { useT } from '~/i18n';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.registerSent');

export default function RegisterSent() {
  const t = useT();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('register.sent.title')}</h1>
      <p className="utrecht-paragraph">{t('register.sent.body')}</p>
      <p className="utrecht-paragraph">{t('register.sent.spam')}</p>
    </div>
  );
}

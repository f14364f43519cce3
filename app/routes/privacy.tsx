import type { MetaFunction } from '@remix-run/node';
import { PrivacyStatement, privacyTitle } from '~/content/privacy';
import { useLocale } from '~/i18n';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.privacy');

export default function Privacy() {
  const locale = useLocale();
  return (
    <article className="pa-prose">
      <h1 className="utrecht-heading-1">{privacyTitle[locale]}</h1>
      <PrivacyStatement locale={locale} />
    </article>
  );
}

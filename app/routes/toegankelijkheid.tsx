import type { MetaFunction } from '@remix-run/node';
import { AccessibilityStatement, accessibilityTitle } from '~/content/accessibility';
import { useLocale } from '~/i18n';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.accessibility');

export default function Accessibility() {
  const locale = useLocale();
  return (
    <article className="pa-prose">
      <h1 className="utrecht-heading-1">{accessibilityTitle[locale]}</h1>
      <AccessibilityStatement locale={locale} />
    </article>
  );
}

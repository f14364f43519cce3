import type { MetaFunction } from '@remix-run/node';
import { HomeIntro } from '~/content/home';
import { useLocale, useT } from '~/i18n';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.home');

export default function Home() {
  const t = useT();
  return (
    <>
      <h1 className="utrecht-heading-1">{t('home.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('home.lead')}</p>
      <HomeIntro locale={useLocale()} />
    </>
  );
}

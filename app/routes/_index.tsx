import type { MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { HomeIntro } from '~/content/home';
import { countOpenCalls } from '~/modules/academies/call.server';
import { useLocale, useT } from '~/i18n';
import { pageTitle } from '~/components/page-title';

export const meta: MetaFunction = (args) => pageTitle(args, 'title.home');

export async function loader() {
  return { openCalls: await countOpenCalls(getDb()) };
}

export default function Home() {
  const t = useT();
  const { openCalls } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">{t('home.title')}</h1>
      <p className="utrecht-paragraph utrecht-paragraph--lead">{t('home.lead')}</p>
      <HomeIntro locale={useLocale()} />
      {openCalls > 0 ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/academies">
            {t('academyCalls.link')}
          </Link>
        </p>
      ) : null}
    </>
  );
}

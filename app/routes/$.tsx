import { useT } from '~/i18n';

// Any path no other route claims: the friendly 404 page, with status 404.
export function loader() {
  throw new Response('Not Found', { status: 404 });
}

export default function NotFound() {
  const t = useT();
  return <h1 className="utrecht-heading-1">{t('notFound.title')}</h1>;
}

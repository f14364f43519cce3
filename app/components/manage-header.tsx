import { Link } from '@remix-run/react';
import { useT } from '~/i18n';

/**
 * The top of a coordinator's list page (/beheer/cursussen, /beheer/netwerken, /beheer/academies, the
 * report): the way back to Beheer (`back`, when it keeps the chosen organisation), the title and its
 * introduction (`prose` keeps a long one to a readable width).
 */
export function ManageHeader({
  title,
  intro,
  back = '/beheer',
  prose = false,
}: {
  title: string;
  intro: string;
  back?: string;
  prose?: boolean;
}) {
  const t = useT();
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to={back}>
          {t('manageCourses.backToManage')}
        </Link>
      </p>
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className={`utrecht-paragraph${prose ? ' pa-prose' : ''}`}>{intro}</p>
    </>
  );
}

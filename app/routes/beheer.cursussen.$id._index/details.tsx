import { Link, type useLoaderData } from '@remix-run/react';
import { useDates } from '~/components/manage-courses';
import { ConfirmStep } from '~/components/ui/confirm-step';
import { useT, type MessageKey } from '~/i18n';
import type { loader } from './route';

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

export function CourseDetails({ loaded }: { loaded: LoaderData }) {
  const t = useT();
  const dates = useDates();
  const { course, counts } = loaded;
  const venue = [course.locationName, course.address].filter(Boolean).join(', ');
  const windowKey: MessageKey = `manageCourses.window.${loaded.window}`;
  return (
    <dl className="pa-details">
      <dt>{t('manageCourses.overview.signUp')}</dt>
      <dd>{t(windowKey)}</dd>
      <dt>{t('manageCourses.overview.seats')}</dt>
      <dd>
        {t('manageCourses.overview.seatsTaken', { confirmed: counts.confirmed, count: course.capacity })}
        {counts.offered ? `, ${t('manageCourses.overview.offered', { count: counts.offered })}` : ''}
        {`, ${t('manageCourses.overview.waitlisted', { count: counts.waitlisted })}`}{' '}
        <Link className="utrecht-link" to="aanmeldingen">
          {t('manageCourses.overview.toRegistrations')}
        </Link>
      </dd>
      {loaded.pools.map((p) => (
        <dd key={p.pool}>
          {t('pools.coordinator.counts', { pool: t(`pools.pool.${p.pool}`), taken: p.taken, count: p.capacity, waiting: p.waiting })}
        </dd>
      ))}
      <dt>{t('manageCourses.form.municipality')}</dt>
      <dd>{loaded.municipalityName}</dd>
      <dt>{t('manageCourses.form.format')}</dt>
      <dd>{t(`manageCourses.format.${course.format}`)}</dd>
      {course.format !== 'online' ? (
        <>
          <dt>{t('manageCourses.overview.venue')}</dt>
          <dd>{venue || t('manageCourses.overview.notSet')}</dd>
        </>
      ) : null}
      {course.format !== 'in-person' ? (
        <>
          <dt>{t('manageCourses.form.onlineUrl')}</dt>
          <dd>{course.onlineUrl || t('manageCourses.overview.notSet')}</dd>
        </>
      ) : null}
      <dt>{t('manageCourses.form.language')}</dt>
      <dd>{t(`manageCourses.language.${course.language}`)}</dd>
      <dt>{t('manageCourses.form.cost')}</dt>
      <dd>{course.cost ? `€ ${course.cost}` : t('manageCourses.overview.free')}</dd>
      <dt>{t('manageCourses.form.opens')}</dt>
      <dd>{course.registrationOpensAt ? dates.moment(course.registrationOpensAt) : t('manageCourses.overview.opensNow')}</dd>
      <dt>{t('manageCourses.form.closes')}</dt>
      <dd>{course.registrationClosesAt ? dates.moment(course.registrationClosesAt) : t('manageCourses.overview.closesAtStart')}</dd>
      <dt>{t('manageCourses.form.cancellationDeadline')}</dt>
      <dd>{course.cancellationDeadline ? dates.moment(course.cancellationDeadline) : t('manageCourses.overview.cancelUntilStart')}</dd>
      <dt>{t('manageCourses.form.claimWindow')}</dt>
      <dd>
        {course.claimWindowHours === 0
          ? t('manageCourses.overview.claimAtOnce')
          : t('manageCourses.overview.hours', { count: course.claimWindowHours })}
      </dd>
      <dt>{t('manageCourses.form.reminderDays')}</dt>
      <dd>
        {course.reminderDaysBefore === 0
          ? t('manageCourses.overview.noReminder')
          : t('manageCourses.overview.days', { count: course.reminderDaysBefore })}
      </dd>
      <dt>{t('manageCourses.form.threshold')}</dt>
      <dd>
        {loaded.threshold ? t('manageCourses.overview.threshold', { count: loaded.threshold }) : t('manageCourses.overview.thresholdAll')}
      </dd>
      <dt>{t('manageCourses.form.accessibility')}</dt>
      <dd className="pa-pre-line">{course.accessibilityInfo || t('manageCourses.overview.notSet')}</dd>
    </dl>
  );
}

/**
 * Cancelling the course: a box with a link to the kit's confirmation step (`?annuleren=ja#annuleren`);
 * only the step's button cancels it (and, for a published course, emails everyone on it).
 */
export function CancelCourse({ courseId, published, confirming }: { courseId: string; published: boolean; confirming: boolean }) {
  const t = useT();
  const hint = (
    <p className="utrecht-paragraph">{published ? t('manageCourses.cancel.publishedHint') : t('manageCourses.cancel.draftHint')}</p>
  );
  if (confirming)
    return (
      <ConfirmStep
        id="annuleren"
        heading={t('manageCourses.cancel.confirmHeading')}
        intent="cancel-course"
        fields={{}}
        submit={t('manageCourses.cancel.yes')}
        keepTo={`/beheer/cursussen/${courseId}#actions-heading`}
        keep={t('manageCourses.cancel.keep')}
      >
        {hint}
      </ConfirmStep>
    );
  return (
    <div className="pa-action pa-action--danger">
      <h3 className="utrecht-heading-3">{t('manageCourses.cancel.heading')}</h3>
      {hint}
      <Link
        className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
        to={`/beheer/cursussen/${courseId}?annuleren=ja#annuleren`}
      >
        {t('manageCourses.cancel.submit')}
      </Link>
    </div>
  );
}

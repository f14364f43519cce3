import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { data } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { getDb } from '~db/client.server';
import { Banner } from '~/components/course-parts';
import { pageTitle } from '~/components/page-title';
import { localeFromRequest, useT } from '~/i18n';
import { clientIp } from '~/load-context';
import { verifyCertificate } from '~/modules/courses/certificates.server';
import { verifyProgrammeCertificate } from '~/modules/academies/completion.server';
import { minutesFrom } from '~/modules/forms.server';
import { hit, rules } from '~/modules/security/rate-limit.server';

// /certificaat/:code: anyone holding a certificate (an employer, a party) checks that it is genuine.
// It shows the course, its dates, the organisation and the holder's initials, nothing more.

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args, 'title.certificate', undefined, { noindex: true });

const headers = { 'Cache-Control': 'no-store', 'X-Robots-Tag': 'noindex' };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const db = getDb();
  const limit = await hit(db, rules.certificatePerIp, clientIp(context));
  if (!limit.allowed) {
    return data(
      { status: 'rate-limited' as const, minutes: minutesFrom(limit.retryAfterSeconds) },
      {
        status: 429,
        headers: { ...headers, 'Retry-After': String(limit.retryAfterSeconds) },
      },
    );
  }
  const locale = localeFromRequest(request);
  const course = await verifyCertificate(db, params.code ?? '', locale);
  // A code that is no course certificate may be an academy's programme certificate (ADR 018).
  const result = course.status === 'unknown' ? await verifyProgrammeCertificate(db, params.code ?? '', locale) : course;
  // Unknown: 404. Withdrawn: 410 Gone, with the plain statement that it no longer counts.
  const status = result.status === 'unknown' ? 404 : result.status === 'withdrawn' ? 410 : 200;
  return data(result, { status, headers });
}

export default function VerifyCertificate() {
  const t = useT();
  const result = useLoaderData<typeof loader>();
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{t('certificates.verify.title')}</h1>
      {result.status === 'rate-limited' ? (
        <Banner kind="error" role="alert" title={t('certificates.verify.tooMany')}>
          <p className="utrecht-paragraph">{t('form.rateLimited', { count: result.minutes })}</p>
        </Banner>
      ) : result.status === 'unknown' ? (
        <Banner kind="error" role="alert" title={t('certificates.verify.unknown')}>
          <p className="utrecht-paragraph">{t('certificates.verify.unknownBody')}</p>
        </Banner>
      ) : (
        <>
          {result.status === 'valid' ? (
            <Banner kind="ok" title={t('certificates.verify.valid')}>
              <p className="utrecht-paragraph">{t('certificates.verify.validBody')}</p>
            </Banner>
          ) : (
            <Banner kind="error" role="alert" title={t('certificates.verify.withdrawn')}>
              <p className="utrecht-paragraph">{t('certificates.verify.withdrawnBody', { date: result.withdrawnOn ?? '' })}</p>
            </Banner>
          )}
          <dl className="pa-details">
            <dt>{t('certificates.verify.holder')}</dt>
            <dd>{result.initials}</dd>
            <dt>{result.kind === 'programme' ? t('academyProgramme.verifyProgramme') : t('certificates.verify.course')}</dt>
            <dd>{result.courseTitle}</dd>
            <dt>{t('certificates.verify.dates')}</dt>
            <dd>{result.dates}</dd>
            <dt>{t('certificates.verify.organisation')}</dt>
            <dd>{result.organisationName}</dd>
            <dt>{t('certificates.verify.issued')}</dt>
            <dd>{result.issuedOn}</dd>
          </dl>
          <p className="utrecht-paragraph">{t('certificates.verify.privacy')}</p>
        </>
      )}
    </div>
  );
}

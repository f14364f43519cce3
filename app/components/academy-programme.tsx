import { Link } from '@remix-run/react';
import { useT } from '~/i18n';
import { DataTable } from '~/components/ui/data-table';
import { ConfirmStep } from '~/components/ui/confirm-step';
import type { ModuleState } from '~/modules/academies/cohort.server';

// A participant's programme on /account/academies (ADR 018, cohort): the modules with their dates and
// whether each was attended, progress toward completion, the certificate once completed, and leaving.

export type ProgrammeView = {
  applicationId: string;
  academyName: string;
  status: string;
  modules: { courseId: string; title: string; dates: string; state: ModuleState; attendedSessions: number; sessions: number }[];
  attended: number;
  required: number;
  placementRequired: boolean;
  completedOn: string | null;
  completionCode: string | null;
  canLeave: boolean;
};

export function AcademyProgrammes({ programmes, confirmLeave }: { programmes: ProgrammeView[]; confirmLeave: ProgrammeView | null }) {
  const t = useT();
  return (
    <>
      {programmes.map((p) => (
        <section key={p.applicationId} className="pa-section" aria-labelledby={`programma-${p.applicationId}`}>
          <h2 className="utrecht-heading-2" id={`programma-${p.applicationId}`}>
            {t('academyProgramme.heading', { academy: p.academyName })}
          </h2>
          {p.status === 'left' ? <p className="utrecht-paragraph">{t('academyMine.statusOf.left')}</p> : null}
          {p.completedOn ? (
            <>
              <p className="utrecht-paragraph">{t('academyProgramme.completed', { date: p.completedOn })}</p>
              <p className="utrecht-paragraph">
                <a className="utrecht-link" href={`/account/academies/certificaat/${p.applicationId}`} download>
                  {t('academyProgramme.certificate')}
                </a>
              </p>
              {p.completionCode ? (
                <p className="utrecht-paragraph">
                  <Link className="utrecht-link" to={`/certificaat/${p.completionCode}`}>
                    {t('academyProgramme.verify')}
                  </Link>
                </p>
              ) : null}
            </>
          ) : null}
          {p.modules.length ? (
            <>
              <p className="utrecht-paragraph" id={`voortgang-${p.applicationId}`}>
                <strong>{t('academyProgramme.progress', { count: p.modules.length, attended: p.attended })}</strong>
              </p>
              {p.status === 'accepted' && !p.completedOn ? (
                <p className="utrecht-paragraph">
                  {t('academyProgramme.required', { count: p.required })}
                  {p.placementRequired ? ` ${t('academyProgramme.placementRequired')}` : ''}
                </p>
              ) : null}
              <DataTable
                caption={t('academyProgramme.caption', { academy: p.academyName })}
                rows={p.modules}
                rowKey={(m) => m.courseId}
                columns={[
                  {
                    key: 'module',
                    header: t('academyProgramme.module'),
                    rowHeader: true,
                    cell: (m) => (
                      <Link className="utrecht-link" to={`/cursussen/${m.courseId}`}>
                        {m.title}
                      </Link>
                    ),
                  },
                  { key: 'dates', header: t('academyProgramme.dates'), cell: (m) => m.dates },
                  {
                    key: 'state',
                    header: t('academyProgramme.state'),
                    cell: (m) => (
                      <>
                        {t(`academyCohort.state.${m.state}`)}
                        {m.state === 'attended' || m.state === 'missed' ? (
                          <>
                            <br />
                            {t('academyCohort.sessions', { attended: m.attendedSessions, count: m.sessions })}
                          </>
                        ) : null}
                      </>
                    ),
                  },
                ]}
              />
            </>
          ) : (
            <p className="utrecht-paragraph">{t('academyProgramme.noModules')}</p>
          )}
          {p.canLeave && confirmLeave?.applicationId !== p.applicationId ? (
            <p className="utrecht-paragraph">
              <Link
                className="utrecht-link"
                to={`/account/academies?stoppen=${p.applicationId}#stoppen`}
                aria-label={t('academyProgramme.leaveFor', { academy: p.academyName })}
              >
                {t('academyProgramme.leave')}
              </Link>
            </p>
          ) : null}
          {confirmLeave?.applicationId === p.applicationId ? (
            <ConfirmStep
              id="stoppen"
              heading={t('academyProgramme.leaveHeading', { academy: p.academyName })}
              intent="leave"
              fields={{ applicationId: p.applicationId }}
              submit={t('academyProgramme.leaveConfirm')}
              keepTo="/account/academies"
              keep={t('academyProgramme.keep')}
              action="/account/academies"
            >
              <p className="utrecht-paragraph">{t('academyProgramme.leaveBody')}</p>
            </ConfirmStep>
          ) : null}
        </section>
      ))}
    </>
  );
}

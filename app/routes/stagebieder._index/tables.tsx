import { Link, type useLoaderData } from '@remix-run/react';
import { Form } from '~/components/ui/form';
import { SubmitButton } from '~/components/form';
import { DataTable } from '~/components/ui/data-table';
import { useT } from '~/i18n';
import type { loader } from './route';

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;

/** The participants proposed to the host: accept or say no while proposed, call off once accepted. */
export function ProposalsTable({ proposals }: { proposals: LoaderData['proposals'] }) {
  const t = useT();
  if (proposals.length === 0) return <p className="utrecht-paragraph">{t('placements.host.noProposals')}</p>;
  return (
    <DataTable
      caption={t('placements.host.proposalsCaption')}
      rows={proposals}
      rowKey={(p) => p.id}
      columns={[
        { key: 'participant', header: t('placements.draft.participant'), rowHeader: true, cell: (p) => p.participant },
        { key: 'municipality', header: t('placements.host.livesIn'), cell: (p) => p.municipality },
        { key: 'academy', header: t('placements.slotForm.academy'), cell: (p) => p.academy },
        { key: 'dates', header: t('placements.slots.dates'), cell: (p) => p.dates },
        {
          key: 'status',
          header: t('placements.draft.status'),
          cell: (p) => (
            <>
              {t(`placements.status.${p.status}`)}
              {p.declineReason ? ` ${t('placements.draft.declineReason', { reason: p.declineReason })}` : ''}
            </>
          ),
        },
      ]}
      actions={{
        header: t('placements.draft.actions'),
        cell: (p) =>
          p.status === 'proposed' ? (
            <ul className="pa-plain-list">
              <li>
                <Form method="post" action="/stagebieder">
                  <input type="hidden" name="placementId" value={p.id} />
                  <SubmitButton name="intent" value="accept">
                    {t('placements.respond.accept', { participant: p.participant })}
                  </SubmitButton>
                </Form>
              </li>
              <li>
                <Link className="utrecht-link" to={`/stagebieder?afwijzen=${p.id}#afwijzen`}>
                  {t('placements.respond.decline', { participant: p.participant })}
                </Link>
              </li>
            </ul>
          ) : p.status === 'accepted' ? (
            <Link className="utrecht-link" to={`/stagebieder?afzeggen=${p.id}#afzeggen`}>
              {t('placements.callOff.linkFor', { participant: p.participant })}
            </Link>
          ) : null,
      }}
    />
  );
}

/**
 * The days the host offers. Withdrawing a slot nobody is placed in is one button; with someone placed
 * in it, the link opens the confirmation step, since both people are told.
 */
export function SlotsTable({ slots }: { slots: LoaderData['slots'] }) {
  const t = useT();
  if (slots.length === 0) return <p className="utrecht-paragraph">{t('placements.slots.none')}</p>;
  return (
    <DataTable
      caption={t('placements.host.slotsCaption')}
      rows={slots}
      rowKey={(s) => s.id}
      columns={[
        { key: 'dates', header: t('placements.slots.dates'), rowHeader: true, cell: (s) => s.dates },
        { key: 'academy', header: t('placements.slotForm.academy'), cell: (s) => s.academy },
        { key: 'place', header: t('placements.slots.place'), cell: (s) => s.place },
        { key: 'capacity', header: t('placements.slots.capacity'), numeric: true, cell: (s) => s.capacity },
        { key: 'placed', header: t('placements.slotEdit.placed'), cell: (s) => s.placed.join(', ') },
      ]}
      actions={{
        header: t('placements.draft.actions'),
        cell: (s) => (
          <ul className="pa-plain-list">
            <li>
              <Link className="utrecht-link" to={`/stagebieder?wijzigen=${s.id}#plek-wijzigen`}>
                {t('placements.slotEdit.linkFor', { dates: s.dates })}
              </Link>
            </li>
            <li>
              {s.placed.length ? (
                <Link className="utrecht-link" to={`/stagebieder?intrekken=${s.id}#intrekken`}>
                  {t('placements.slotWithdraw.linkFor', { dates: s.dates })}
                </Link>
              ) : (
                <Form method="post" action="/stagebieder">
                  <input type="hidden" name="slotId" value={s.id} />
                  <SubmitButton name="intent" value="withdraw-slot">
                    {t('placements.slotWithdraw.linkFor', { dates: s.dates })}
                  </SubmitButton>
                </Form>
              )}
            </li>
          </ul>
        ),
      }}
    />
  );
}

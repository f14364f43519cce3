import { Link } from '@remix-run/react';
import { ActionButton, Hidden, useDates } from '~/components/manage-courses';
import { ConfirmStep } from '~/components/ui/confirm-step';
import { DataTable } from '~/components/ui/data-table';
import { useT } from '~/i18n';

// The invitations not yet accepted, as a coordinator manages them (ADR 022): mentors of a network,
// reviewers and hosts of an academy. One table on the kit's DataTable, whatever the kind: who (name
// when the coordinator gave one, and the address), until when the link works, and what can be done:
// send it again (a fresh link) and withdraw it (through the page's confirmation step).

export type PendingInvitation = {
  id: string;
  email: string;
  name?: string;
  expiresAt: Date | string;
  /** The link no longer works (listed so that it can be sent again). */
  expired: boolean;
};

export function InvitationList({
  invitations,
  withNames = false,
  resend = false,
  revokeTo,
}: {
  invitations: readonly PendingInvitation[];
  /** The coordinator gives a name with each invitation (mentors, hosts). */
  withNames?: boolean;
  /** A button that sends the invitation again with a fresh link (posts `intent=resend`, `id`). */
  resend?: boolean;
  /** The address of the page's confirmation step that withdraws this invitation. */
  revokeTo?: (invitation: PendingInvitation) => string;
}) {
  const t = useT();
  const dates = useDates();
  const hasActions = resend || revokeTo;
  return (
    <DataTable
      caption={t('invitations.list.caption')}
      rows={invitations}
      rowKey={(i) => i.id}
      columns={[
        withNames && { key: 'name', header: t('invitations.list.name'), rowHeader: true, cell: (i) => i.name },
        { key: 'email', header: t('invitations.list.email'), rowHeader: !withNames, cell: (i) => i.email },
        {
          key: 'link',
          header: t('invitations.list.link'),
          cell: (i) =>
            t(i.expired ? 'invitations.list.expired' : 'invitations.list.expires', {
              date: dates.moment(i.expiresAt),
            }),
        },
      ]}
      actions={
        hasActions
          ? {
              header: t('invitations.list.actions'),
              cell: (i) => (
                <div className="pa-button-row">
                  {resend ? (
                    <ActionButton intent="resend" fields={{ id: i.id }}>
                      {t('invitations.list.resend')}
                      <Hidden> {i.email}</Hidden>
                    </ActionButton>
                  ) : null}
                  {revokeTo ? (
                    <Link className="utrecht-link" to={revokeTo(i)}>
                      {t('invitations.list.revoke')}
                      <Hidden> {i.email}</Hidden>
                    </Link>
                  ) : null}
                </div>
              ),
            }
          : undefined
      }
    />
  );
}

/**
 * A coordinator's section of open invitations: its heading (with the count), the list or a line that
 * there are none, and, when the page's address names one (`?intrekken=<id>`), the confirmation step
 * that withdraws it (posts `intent=revoke`, `id`, `confirm=yes` to the page).
 */
export function PendingInvitations({
  heading,
  empty,
  level,
  base,
  invitations,
  withNames,
  resend,
  revoke,
}: {
  heading: string;
  empty: string;
  level: 2 | 3;
  /** The page's address. */
  base: string;
  invitations: readonly PendingInvitation[];
  withNames?: boolean;
  resend?: boolean;
  /** The invitation the address names for withdrawal, and the words of its confirmation step. */
  revoke: { invitation: { id: string } | null; heading: string; body: string; submit: string; keep: string };
}) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      {revoke.invitation ? (
        <ConfirmStep
          id="intrekken"
          heading={revoke.heading}
          intent="revoke"
          fields={{ id: revoke.invitation.id }}
          submit={revoke.submit}
          keepTo={base}
          keep={revoke.keep}
          action={base}
        >
          <p className="utrecht-paragraph">{revoke.body}</p>
        </ConfirmStep>
      ) : null}
      <section className="pa-section" aria-labelledby="pending-heading">
        <Heading className={`utrecht-heading-${level}`} id="pending-heading">
          {heading}
        </Heading>
        {invitations.length === 0 ? (
          <p className="utrecht-paragraph">{empty}</p>
        ) : (
          <InvitationList
            invitations={invitations}
            withNames={withNames}
            resend={resend}
            revokeTo={(i) => `${base}?intrekken=${i.id}#intrekken`}
          />
        )}
      </section>
    </>
  );
}

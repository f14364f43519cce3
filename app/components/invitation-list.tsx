import { Link } from '@remix-run/react';
import { ActionButton, Hidden, useDates } from '~/components/manage-courses';
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

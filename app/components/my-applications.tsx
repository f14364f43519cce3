import type { ReactNode } from 'react';
import { Link } from '@remix-run/react';
import { DataTable, type Column } from '~/components/ui/data-table';

// A person's own applications on their account (academies, mentoring): what they applied for and
// with which organisation as the row's name, the page's own columns (date, status), and the actions
// they can take (change, withdraw, accept…) as a list of links, named after the row. With none yet, a
// sentence and the link to find one. Built on the kit's DataTable (issue #14).

type Application = { id: string; name: string; organisationName: string };

/** A link that opens a step or a page; `label` names the row for a screen reader ("Intrekken: …"). */
type LinkAction = { key: string; to: string; text: string; label?: string };
/** Anything else the row can do in place (a one-button form). */
type OwnAction = { key: string; node: ReactNode };
export type ApplicationAction = LinkAction | OwnAction;

export function MyApplications<Row extends Application>({
  id,
  caption,
  rows,
  nameHeader,
  columns,
  actionsHeader,
  actions,
  none,
  find,
}: {
  /** The caption's id. */
  id: string;
  caption: string;
  rows: readonly Row[];
  /** The first column's header: what was applied for ("Academie", "Netwerk"). */
  nameHeader: string;
  columns: ReadonlyArray<Column<Row>>;
  actionsHeader: string;
  /** The row's actions, in order; leave out what the row cannot do. */
  actions: (row: Row) => ApplicationAction[];
  /** Said when there are no applications yet. */
  none: string;
  /** Where to find something to apply for. */
  find: { to: string; text: string };
}) {
  if (rows.length === 0) {
    return (
      <p className="utrecht-paragraph">
        {none}{' '}
        <Link className="utrecht-link" to={find.to}>
          {find.text}
        </Link>
      </p>
    );
  }
  return (
    <DataTable
      id={id}
      caption={caption}
      rows={rows}
      rowKey={(a) => a.id}
      columns={[
        {
          key: 'name',
          header: nameHeader,
          rowHeader: true,
          cell: (a) => (
            <>
              {a.name}
              <br />
              <span>{a.organisationName}</span>
            </>
          ),
        },
        ...columns,
      ]}
      actions={{ header: actionsHeader, cell: (a) => <ActionList actions={actions(a)} /> }}
    />
  );
}

function ActionList({ actions }: { actions: ApplicationAction[] }) {
  if (actions.length === 0) return null;
  return (
    <ul className="pa-plain-list">
      {actions.map((action) => (
        <li key={action.key}>
          {'node' in action ? (
            action.node
          ) : (
            <Link className="utrecht-link" to={action.to} aria-label={action.label}>
              {action.text}
            </Link>
          )}
        </li>
      ))}
    </ul>
  );
}

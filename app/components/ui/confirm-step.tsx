import type { ReactNode } from 'react';
import { Form, Link } from '@remix-run/react';
import { SubmitButton } from '~/components/form';

/**
 * The confirmation step of a destructive action (issue #14): a page shows it when its URL names the
 * thing (`?verwijderen=<id>`), says what will happen, and only its button sends `confirm=yes`. An
 * action that gets the intent without `confirm=yes` redirects to this step and changes nothing.
 * Works without JavaScript. `id` is the step's heading and the URL's fragment: without JavaScript the
 * page opens at the heading, which carries `autofocus`, so a screen reader starts reading there; after a
 * client-side navigation `useFocusFragment` focuses it the same way.
 */
export function ConfirmStep({
  id,
  heading,
  children,
  intent,
  fields,
  submit,
  keepTo,
  keep,
  action,
}: {
  id: string;
  heading: string;
  children: ReactNode;
  intent: string;
  fields: Record<string, string>;
  submit: string;
  keepTo: string;
  keep: string;
  action?: string;
}) {
  return (
    <section className="pa-action pa-action--danger" aria-labelledby={id}>
      <h3 className="utrecht-heading-3" id={id} tabIndex={-1} autoFocus>
        {heading}
      </h3>
      {children}
      <Form method="post" action={action} className="pa-button-row">
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <SubmitButton name="intent" value={intent}>
          {submit}
        </SubmitButton>
        <Link className="utrecht-link" to={keepTo}>
          {keep}
        </Link>
      </Form>
    </section>
  );
}

/** Whether a POST came from a confirmation step's button. */
export const confirmed = (formData: FormData) => formData.get('confirm') === 'yes';

import type { ReactNode } from 'react';
import { Form, Link } from '@remix-run/react';
import { SubmitButton } from '~/components/form';

/**
 * The confirmation step of a destructive action (issue #14): a page shows it when its URL names the
 * thing (`?verwijderen=<id>`), says what will happen, and only its button sends `confirm=yes`. An
 * action that gets the intent without `confirm=yes` redirects to this step and changes nothing.
 * Works without JavaScript; the page opens at the box (`id` is the URL's fragment).
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
    <section className="pa-action pa-action--danger" id={id} aria-labelledby={`${id}-heading`}>
      <h3 className="utrecht-heading-3" id={`${id}-heading`} tabIndex={-1}>
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

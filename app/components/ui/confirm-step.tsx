import type { FormHTMLAttributes, ReactNode } from 'react';
import { Link } from '@remix-run/react';
import { Form } from './form';
import { SubmitButton } from '~/components/form';

/**
 * The confirmation step of a destructive action (issue #14): a page shows it when its URL names the
 * thing (`?verwijderen=<id>`), says what will happen, and only its button sends `confirm=yes`. An
 * action that gets the intent without `confirm=yes` redirects to this step and changes nothing.
 * Works without JavaScript. `id` is the step's heading and the URL's fragment: without JavaScript the
 * page opens at the heading, which carries `autofocus`, so a screen reader starts reading there; after a
 * client-side navigation `useFocusFragment` focuses it the same way.
 *
 * A step may ask for something with the confirmation (the reason for ending a match): `form` takes
 * Conform's form props (`getFormProps(form)`) and `inside` the error summary and the fields, drawn in
 * the step's form before its button. A refused submit answers at the step's own URL, so it stays open.
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
  form,
  inside,
  refused = false,
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
  form?: Pick<FormHTMLAttributes<HTMLFormElement>, 'id' | 'onSubmit' | 'noValidate'>;
  inside?: ReactNode;
  /** The server refused what was sent in the step: its error summary takes the focus, not the heading. */
  refused?: boolean;
}) {
  return (
    <section className="pa-action pa-action--danger" aria-labelledby={id}>
      <h3 className="utrecht-heading-3" id={id} tabIndex={-1} autoFocus={!refused}>
        {heading}
      </h3>
      {children}
      <Form method="post" action={action} {...form} className={inside ? undefined : 'pa-button-row'}>
        {inside}
        {Object.entries(fields).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <Buttons inside={Boolean(inside)}>
          <SubmitButton name="intent" value={intent}>
            {submit}
          </SubmitButton>
          <Link className="utrecht-link" to={keepTo}>
            {keep}
          </Link>
        </Buttons>
      </Form>
    </section>
  );
}

/** The button and the way back in one row: the form's own row, or one below the fields. */
function Buttons({ inside, children }: { inside: boolean; children: ReactNode }) {
  return inside ? <div className="pa-button-row">{children}</div> : <>{children}</>;
}

/** Whether a POST came from a confirmation step's button. */
export const confirmed = (formData: FormData) => formData.get('confirm') === 'yes';

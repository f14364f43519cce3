import { Form as RemixForm, useFormAction, type FormProps } from '@remix-run/react';
import { forwardRef } from 'react';
import { withoutNotice } from './notice-key';

/**
 * Every form of the app: Remix's `<Form>`, whose action never carries the page's notice. Without an
 * action of its own a form posts to the page's address, `?notice=saved` included; after a refused submit
 * the answer would render at that address, and the earlier "Opgeslagen" would stand above the error
 * summary. Here the action is the same address without `notice` (a filter, a page number, a confirmation
 * step and Remix's `?index` stay), rendered by the server too, so it holds without JavaScript.
 * `useFormAction` resolves the action as Remix's own form does, so a relative action works the same.
 */
export const Form = forwardRef<HTMLFormElement, FormProps>(function Form({ action, relative, ...props }, ref) {
  const resolved = useFormAction(action, { relative });
  return <RemixForm ref={ref} action={withoutNotice(resolved)} relative={relative} {...props} />;
});

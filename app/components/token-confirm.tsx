import { Form } from '~/components/ui/form';
import type { TokenProblem as Problem } from '~/modules/auth/tokens.server';
import { SubmitButton } from './form';
import { TokenProblem } from './token-problem';

/** The page behind an emailed link: one button that uses it, or why the link no longer works. */
export function TokenConfirmPage({
  problem,
  title,
  body,
  submit,
}: {
  problem: Problem | null;
  title: string;
  body: string;
  submit: string;
}) {
  if (problem) return <TokenProblem problem={problem} retry="login" />;
  return (
    <div className="pa-narrow">
      <h1 className="utrecht-heading-1">{title}</h1>
      <p className="utrecht-paragraph">{body}</p>
      <Form method="post">
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </div>
  );
}

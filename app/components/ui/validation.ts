import type { Submission } from '@conform-to/react';
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4';
import { useMemo } from 'react';
import type { z, ZodType } from 'zod';

/**
 * The fields' side of a schema: a schema refined as a whole by `.transform()` (an object piped into a
 * transform) is its object. Conform's getZodConstraint throws "Unsupported schema" for a transform at
 * the root, which made every page with such a form (the coordinator's course page and its session
 * form) answer 500 on the server render.
 */
function formSide(schema: ZodType): ZodType {
  let inner = schema;
  while (inner._zod.def.type === 'pipe') {
    const def = inner._zod.def as unknown as { in: ZodType; out: ZodType };
    if (def.out._zod.def.type !== 'transform') break;
    inner = def.in;
  }
  return inner;
}

/**
 * The options that give a Conform form the same zod check in the browser as on the server (ADR 014):
 * a refused submit then costs no round trip, and the error summary appears and takes focus as after a
 * server reply. Fields are checked when the form is sent, and then again on every keystroke, so a
 * message goes as soon as it is fixed. Not on leaving a field: a message appearing then pushes the
 * rest of the form down between mouse-down and mouse-up, and the click on the submit button that
 * caused the blur is lost (seen in the browser tests). The server parses the same schema again: this is a
 * convenience, never the check. Only for schemas that can run in a browser: no `*.server.ts` import,
 * no database look-up (those forms keep the server's answer alone).
 *
 * `deps` are what the schema is built from besides the language (e.g. the options of a select).
 */
export function useBrowserValidation<Schema extends ZodType>(
  makeSchema: () => Schema,
  deps: unknown[],
  options: { disableAutoCoercion?: boolean } = {},
) {
  const { disableAutoCoercion = false } = options;
  // The schema changes only with its inputs (deps), not with every render of the form.
  const schema = useMemo(makeSchema, deps);
  return useMemo(
    () => ({
      constraint: getZodConstraint(formSide(schema)),
      shouldValidate: 'onSubmit' as const,
      shouldRevalidate: 'onInput' as const,
      // Typed by the form's fields: in the browser only the errors count, not the parsed value.
      onValidate: ({ formData }: { formData: FormData }) =>
        parseWithZod(formData, { schema, disableAutoCoercion }) as unknown as Submission<z.input<Schema>>,
    }),
    [schema, disableAutoCoercion],
  );
}

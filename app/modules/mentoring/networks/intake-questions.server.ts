import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '~db/client.server';
import { networks, type IntakeQuestion } from '~db/schema';
import type { Translate } from '~/i18n';
import { now } from '../../clock.server';
import { checkbox, text } from './form-parts.server';

export const MAX_INTAKE_QUESTIONS = 20;

// Intake questions (a JSON list on the network, edited like the course questions)

export function intakeQuestionSchema(t: Translate) {
  return z
    .object({
      kind: z.enum(['text', 'choice', 'yes-no'], { error: t('networks.errors.questionKind') }),
      label: text(t, 300, 'networks.errors.questionRequired'),
      options: text(t, 5000),
      required: checkbox,
    })
    .transform((v, ctx) => {
      let options: string[] = [];
      if (v.kind === 'choice') {
        options = [...new Set(v.options.split(/\r?\n/).map((o) => o.trim()))].filter(Boolean);
        if (options.length < 2 || options.length > 20 || options.some((o) => o.length > 150)) {
          ctx.addIssue({ code: 'custom', path: ['options'], message: t('networks.errors.options', { max: 20 }) });
          return z.NEVER;
        }
      }
      return { kind: v.kind, label: v.label, options, required: v.required };
    });
}
type IntakeQuestionInput = z.output<ReturnType<typeof intakeQuestionSchema>>;
export type IntakeQuestionFields = Record<keyof z.input<ReturnType<typeof intakeQuestionSchema>>, unknown>;

type QuestionChange =
  | { op: 'add'; input: IntakeQuestionInput }
  | { op: 'edit'; id: string; input: IntakeQuestionInput }
  | { op: 'remove'; id: string }
  | { op: 'move'; id: string; direction: 'up' | 'down' };

/** Changes the intake questions with the network row locked. `not-found`: no such question; `full`: too many. */
export async function changeIntakeQuestions(db: Db, networkId: string, change: QuestionChange): Promise<'saved' | 'not-found' | 'full'> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ questions: networks.intakeQuestions }).from(networks).where(eq(networks.id, networkId)).for('update');
    if (!row) return 'not-found';
    const questions: IntakeQuestion[] = [...row.questions];
    if (change.op === 'add') {
      if (questions.length >= MAX_INTAKE_QUESTIONS) return 'full';
      questions.push({ id: randomUUID(), ...change.input });
    } else {
      const index = questions.findIndex((q) => q.id === change.id);
      if (index < 0) return 'not-found';
      if (change.op === 'edit') questions[index] = { id: change.id, ...change.input };
      else if (change.op === 'remove') questions.splice(index, 1);
      else {
        const to = change.direction === 'up' ? index - 1 : index + 1;
        if (to < 0 || to >= questions.length) return 'saved';
        [questions[index], questions[to]] = [questions[to]!, questions[index]!];
      }
    }
    await tx.update(networks).set({ intakeQuestions: questions, updatedAt: now() }).where(eq(networks.id, networkId));
    return 'saved';
  });
}

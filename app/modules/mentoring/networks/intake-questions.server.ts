import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { networks, type IntakeQuestion } from '~db/schema';
import { now } from '../../clock.server';
import type { IntakeQuestionInput } from './schemas';

export const MAX_INTAKE_QUESTIONS = 20;

// Intake questions (a JSON list on the network, edited like the course questions; the form's schema is in
// schemas.ts)

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

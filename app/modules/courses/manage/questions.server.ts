import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { courseQuestions } from '~db/schema';
import { isUuid } from '../../http.server';
import { type Scope } from './scope';
import { type QuestionInput } from './schemas';
import { lockOwnedCourse, questionsOf } from './reading.server';

// Questions

export type QuestionResult = 'saved' | 'not-found' | 'cancelled';

async function questionOfCourse(tx: Db, courseId: string, questionId: string) {
  if (!isUuid(questionId)) return null;
  const [question] = await tx
    .select()
    .from(courseQuestions)
    .where(and(eq(courseQuestions.id, questionId), eq(courseQuestions.courseId, courseId)));
  return question ?? null;
}

export async function addQuestion(db: Db, scope: Scope, courseId: string, input: QuestionInput): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    const [last] = await tx
      .select({ n: sql`coalesce(max(${courseQuestions.position}), -1)`.mapWith(Number) })
      .from(courseQuestions)
      .where(eq(courseQuestions.courseId, courseId));
    await tx.insert(courseQuestions).values({ courseId, position: (last?.n ?? -1) + 1, ...input });
    return 'saved';
  });
}

export async function updateQuestion(
  db: Db,
  scope: Scope,
  courseId: string,
  questionId: string,
  input: QuestionInput,
): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx || !(await questionOfCourse(tx, courseId, questionId))) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    await tx.update(courseQuestions).set(input).where(eq(courseQuestions.id, questionId));
    return 'saved';
  });
}

export async function removeQuestion(db: Db, scope: Scope, courseId: string, questionId: string): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx || !(await questionOfCourse(tx, courseId, questionId))) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    await tx.delete(courseQuestions).where(eq(courseQuestions.id, questionId));
    return 'saved';
  });
}

/** Moves a question one place up or down the form. */
export async function moveQuestion(
  db: Db,
  scope: Scope,
  courseId: string,
  questionId: string,
  direction: 'up' | 'down',
): Promise<QuestionResult> {
  return db.transaction(async (tx) => {
    const ctx = await lockOwnedCourse(tx, scope, courseId);
    if (!ctx || !(await questionOfCourse(tx, courseId, questionId))) return 'not-found';
    if (ctx.course.status === 'cancelled') return 'cancelled';
    const list = await questionsOf(tx, courseId);
    const from = list.findIndex((q) => q.id === questionId);
    const to = direction === 'up' ? from - 1 : from + 1;
    if (to < 0 || to >= list.length) return 'saved';
    [list[from], list[to]] = [list[to]!, list[from]!];
    // Renumber 0..n-1, which also repairs gaps and ties.
    for (const [position, question] of list.entries()) {
      if (question.position !== position) await tx.update(courseQuestions).set({ position }).where(eq(courseQuestions.id, question.id));
    }
    return 'saved';
  });
}

import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.server';
import { courseSessions, courses, emailMessages, organisations } from '../db/schema';
import { DAY, HOUR, now } from '../app/modules/clock.server';
import type { SignUpInput } from '../app/modules/courses/registrations.server';

let seq = 0;

/** A published course starting `startsInDays` from the clock's now, with `sessionCount` weekly sessions. */
export async function createCourse(
  db: Db,
  options: Partial<typeof courses.$inferInsert> & { startsInDays?: number; sessionCount?: number } = {},
) {
  const { startsInDays = 14, sessionCount = 3, ...fields } = options;
  const [organisation] = await db
    .insert(organisations)
    .values({ name: `Testvereniging ${++seq}`, slug: `test-${seq}-${Date.now()}`, kind: 'association' })
    .returning();
  const [course] = await db
    .insert(courses)
    .values({
      organisationId: organisation!.id,
      title: `Politiek Actief Zwolle ${seq}`,
      description: 'Drie avonden over de gemeenteraad.',
      municipalityCode: 'GM0193',
      format: 'in-person',
      locationName: 'Stadhuis',
      address: 'Grote Kerkplein 15, Zwolle',
      capacity: 20,
      status: 'published',
      publishedAt: now(),
      ...fields,
    })
    .returning();
  const first = now().getTime() + startsInDays * DAY;
  const sessions = await db
    .insert(courseSessions)
    .values(
      Array.from({ length: sessionCount }, (_, i) => ({
        courseId: course!.id,
        startsAt: new Date(first + i * 7 * DAY),
        endsAt: new Date(first + i * 7 * DAY + 2 * HOUR),
      })),
    )
    .returning();
  return { course: course!, sessions, organisation: organisation! };
}

export function person(n: number | string, extra: Partial<SignUpInput> = {}): SignUpInput {
  return {
    name: `Deelnemer ${n}`,
    email: `deelnemer-${n}@example.nl`,
    municipalityCode: 'GM0193',
    locale: 'nl',
    privacyVersion: '1.0',
    ...extra,
  };
}

/** The emails of one template sent to an address, oldest first. */
export async function emailsTo(db: Db, to: string, template?: string) {
  const rows = await db
    .select()
    .from(emailMessages)
    .where(template ? and(eq(emailMessages.recipient, to), eq(emailMessages.template, template)) : eq(emailMessages.recipient, to))
    .orderBy(emailMessages.createdAt);
  return rows;
}

import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { academies, academyApplications, organisations } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, locationOf, post, statusOf } from '../../test/routes';
import { DAY, now } from '~/modules/clock.server';
import * as list from './academies._index';
import * as page from './academies.$id';
import * as apply from './academies.$id_.aanmelden';
import * as mine from './account_.academies';

const t = setupTestDatabase();
const db = () => t.handle.db;
let academyId = '';
let cookie = '';
let userId = '';

beforeAll(async () => {
  const [org] = await db().insert(organisations).values({ name: 'NVR', slug: 'nvr-calls', kind: 'association' }).returning();
  const [academy] = await db()
    .insert(academies)
    .values({
      organisationId: org!.id,
      name: 'Raadsledenacademie 2027',
      callPublished: true,
      applicationsOpenAt: new Date(now().getTime() - DAY),
      applicationsCloseAt: new Date(now().getTime() + 7 * DAY),
      seats: 12,
      cost: '€ 50',
      questions: [{ id: 'waarom', label: 'Waarom nu?', kind: 'text', required: true }],
    })
    .returning();
  academyId = academy!.id;
  const user = await createUser(db());
  userId = user.id;
  cookie = await cookieFor(db(), user.id);
});

describe('an academy call, without JavaScript', () => {
  it('is listed and shows its facts', async () => {
    const listed = dataOf<{ calls: { id: string }[] }>(await call(list.loader, get('/academies')));
    expect(listed.calls.map((c) => c.id)).toContain(academyId);
    const shown = dataOf<{ cost: string; seats: number; phase: string }>(
      await call(page.loader, get(`/academies/${academyId}`), { id: academyId }),
    );
    expect(shown).toMatchObject({ cost: '€ 50', seats: 12, phase: 'open' });
  });

  it('refuses an empty form with 400 and keeps what was typed; a full one is stored and can be withdrawn after a confirmation', async () => {
    const refused = await call(apply.action, post(`/academies/${academyId}/aanmelden`, { experience: 'Buurtvereniging' }, cookie), {
      id: academyId,
    });
    expect(statusOf(refused)).toBe(400);
    const reply = dataOf<{ result: { error: Record<string, string[]>; initialValue: Record<string, unknown> } }>(refused).result;
    expect(Object.keys(reply.error).sort()).toEqual(['motivation', 'q.waarom']);
    expect(reply.initialValue.experience).toBe('Buurtvereniging');

    const sent = await call(
      apply.action,
      post(`/academies/${academyId}/aanmelden`, { motivation: 'Ik wil meedoen.', 'q.waarom': 'Verkiezingen.' }, cookie),
      {
        id: academyId,
      },
    );
    expect(statusOf(sent)).toBe(303);
    expect(locationOf(sent)).toContain('/account/academies?notice=academyApplication.sent');
    const [row] = await db().select().from(academyApplications).where(eq(academyApplications.userId, userId));
    expect(row).toMatchObject({ motivation: 'Ik wil meedoen.', answers: { waarom: 'Verkiezingen.' }, status: 'submitted' });

    // The form now changes the application.
    const loaded = dataOf<{ mode: string; prefill: { motivation: string } }>(
      await call(apply.loader, get(`/academies/${academyId}/aanmelden`, cookie), { id: academyId }),
    );
    expect(loaded).toMatchObject({ mode: 'change', prefill: { motivation: 'Ik wil meedoen.' } });

    const confirm = dataOf<{ confirmWithdraw: { id: string } | null }>(
      await call(mine.loader, get(`/account/academies?intrekken=${row!.id}`, cookie)),
    );
    expect(confirm.confirmWithdraw?.id).toBe(row!.id);
    // Without the step's confirm=yes the action only opens the step.
    const unconfirmed = await call(mine.action, post('/account/academies', { intent: 'withdraw', applicationId: row!.id }, cookie));
    expect(locationOf(unconfirmed)).toBe(`/account/academies?intrekken=${row!.id}#intrekken`);
    const [still] = await db().select().from(academyApplications).where(eq(academyApplications.id, row!.id));
    expect(still!.status).toBe('submitted');
    const withdrawn = await call(
      mine.action,
      post('/account/academies', { intent: 'withdraw', applicationId: row!.id, confirm: 'yes' }, cookie),
    );
    expect(locationOf(withdrawn)).toContain('notice=academyApplication.withdrawn');
    const [after] = await db().select().from(academyApplications).where(eq(academyApplications.id, row!.id));
    expect(after!.status).toBe('withdrawn');
  });
});

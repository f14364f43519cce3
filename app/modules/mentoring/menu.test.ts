import { describe, expect, it } from 'vitest';
import { organisationMemberships } from '~db/schema';
import { setupTestDatabase } from '../../../test/database';
import { createMentor, createNetwork, createUser } from '../../../test/mentoring';
import { mentoringMenu } from './menu.server';

const t = setupTestDatabase();

describe('the mentoring links in the menu', () => {
  it('shows "Netwerken" to coordinators and "Mentor" to mentors, and neither to anyone else', async () => {
    const db = t.handle.db;
    const network = await createNetwork(db);
    const someone = await createUser(db);
    const coordinator = await createUser(db);
    await db.insert(organisationMemberships).values({ organisationId: network.organisationId, userId: coordinator.id });
    const { user: mentor } = await createMentor(db, [network.id]);

    expect(await mentoringMenu(db, someone.id)).toEqual({ isCoordinator: false, isMentor: false });
    expect(await mentoringMenu(db, coordinator.id)).toEqual({ isCoordinator: true, isMentor: false });
    expect(await mentoringMenu(db, mentor.id)).toEqual({ isCoordinator: false, isMentor: true });
  });
});

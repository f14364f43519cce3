import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '~db/schema/accounts';
import { academyHosts, placementHosts, placementPreferences, placements, placementSlots } from '~db/schema/placements';
import { demoMentor } from '~db/seed-mentoring';
import { demoAccounts, seedDemoData } from '~db/seed.server';
import { setupTestDatabase } from '../../../test/database';
import { createCourse } from '../../../test/courses';
import { createFullPerson } from '../../../test/privacy';
import { requestSignUp } from '../courses/sign-up-requests.server';
import { setClock } from '../clock.server';
import { exportPersonalData, type PersonalDataExport } from './export.server';
import { exportedTables } from './personal-data.server';

/*
 * The download of /account/privacy, part by part, for the four demo accounts and a person with data in
 * (nearly) every table, against the file written when the export became table-driven (issue #14). A
 * part that is dropped, renamed, loses or gains a column, or presents a value otherwise changes the
 * file. What differs from run to run is replaced before the comparison: ids, moments the database
 * stamps, the fixtures' unique names, certificate codes and the signed tokens in email links. Rows are compared as a set (several
 * parts have no order of their own, and PostgreSQL and PGlite may return them differently).
 * After a deliberate change of the export: `npx vitest run -u <this file>` and read the diff.
 */

const t = setupTestDatabase();
const db = () => t.handle.db;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const MOMENT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
/** The fixtures' unique names (`Mentornetwerk 5-mxe1789v-1b9v`: a counter, the time, a random part). */
const FIXTURE_NAME = /\b(\d+)-[0-9a-z]{8}-[0-9a-z]{0,4}(?![0-9a-z])/g;

/** Values of the `code` keys anywhere in the export (certificate codes are random). */
function codesIn(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) for (const v of value) codesIn(v, found);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === 'code' && typeof v === 'string') found.add(v);
      else codesIn(v, found);
    }
  return found;
}

function normalised(exported: PersonalDataExport): unknown {
  const codes = [...codesIn(exported)];
  const text = (s: string) => {
    let out = s.replace(UUID, '<id>').replace(MOMENT, '<moment>').replace(FIXTURE_NAME, '$1-<unique>');
    for (const code of codes) out = out.split(code).join('<code>');
    // Signed links in email bodies (/bevestigen/<token>, ?token=…): random per run.
    return out.replace(/([/=])[A-Za-z0-9_-]{20,}(\.[A-Za-z0-9_-]{10,})?/g, '$1<token>');
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value);
    if (Array.isArray(value)) {
      const items = value.map(walk);
      // Rows (objects) as a set; lists of values (themes, needs) keep their order.
      return items.every((i) => i && typeof i === 'object')
        ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))
        : items;
    }
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return walk(exported);
}

const empty = (part: unknown) =>
  part === null ||
  (Array.isArray(part) && part.length === 0) ||
  (typeof part === 'object' && Object.values(part as object).every((v) => v === null || (Array.isArray(v) && v.length === 0)));

describe('the personal-data export stays what it was', () => {
  const exports: Record<string, PersonalDataExport> = {};

  beforeAll(async () => {
    // The demo catalogue and the fixtures date everything from the clock: fix it, so texts (dates in
    // emails, course titles) are the same on every run.
    setClock(new Date('2026-11-16T09:30:00Z'));
    await seedDemoData(db(), { onlyIfEmpty: false });
    const full = await createFullPerson(db(), 'export-vast');
    // The two parts the fixture leaves empty: a sign-up waiting for its link, and placements (as a host
    // of a day in their own academy, and as the participant placed in it).
    const { course } = await createCourse(db());
    await requestSignUp(db(), course.id, full.secrets.email, {
      name: full.secrets.name,
      municipalityCode: 'GM0193',
      phone: full.secrets.phone,
      answers: { motivatie: full.secrets.story },
      accessibilityNeeds: full.secrets.access,
      source: null,
      utm: null,
      locale: 'nl',
      privacyVersion: '1.0',
      userId: full.user.id,
    });
    const academyId = full.academyApplication.academyId;
    const [host] = await db()
      .insert(placementHosts)
      .values({ userId: full.user.id, name: full.secrets.name, office: 'alderman', municipalityCode: 'GM0193' })
      .returning();
    await db().insert(academyHosts).values({ academyId, hostId: host!.id });
    const [slot] = await db()
      .insert(placementSlots)
      .values({
        academyId,
        hostId: host!.id,
        startsOn: '2027-04-12',
        endsOn: '2027-04-12',
        municipalityCode: 'GM0193',
        note: 'Stadhuis, 9 uur',
      })
      .returning();
    await db().insert(placementPreferences).values({ applicationId: full.academyApplication.id, slotId: slot!.id, rank: 1 });
    await db().insert(placements).values({ academyId, slotId: slot!.id, applicationId: full.academyApplication.id, status: 'proposed' });
    const people = { ...demoAccounts, mentor: demoMentor };
    for (const [who, account] of Object.entries(people)) {
      const [user] = await db().select({ id: users.id }).from(users).where(eq(users.email, account.email));
      exports[who] = (await exportPersonalData(db(), user!.id))!;
    }
    exports.fullPerson = (await exportPersonalData(db(), full.user.id))!;
  }, 180_000);
  afterAll(() => setClock(undefined));

  it('gives every demo account and the full person the same export as before, part by part', async () => {
    for (const e of Object.values(exports)) expect(Object.keys(e)).toEqual(['exportedAt', ...exportedTables.map((s) => s.key)]);
    const all = Object.fromEntries(Object.entries(exports).map(([who, e]) => [who, normalised(e)]));
    await expect(`${JSON.stringify(all, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/export-unchanged.json');
  });

  it('has something in every part for someone, so an entry that reads nothing is caught too', () => {
    const emptyParts = exportedTables.map((s) => s.key).filter((key) => Object.values(exports).every((e) => empty(e[key])));
    expect(emptyParts).toEqual([]);
  });
});

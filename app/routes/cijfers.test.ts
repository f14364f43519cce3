import { parse } from 'csv-parse/sync';
import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, organisations, registrations } from '~db/schema';
import { setupTestDatabase } from '../../test/database';
import { createCourse } from '../../test/courses';
import { createUser } from '../../test/mentoring';
import { call, cookieFor, dataOf, get, locationOf, post, statusOf } from '../../test/routes';
import { DAY, now, setClock } from '~/modules/clock.server';
import type { ShownTable } from '~/modules/reports/publish';
import * as list from './admin._index';
import * as detail from './admin.organisaties.$id._index';
import * as page from './cijfers';
import * as csv from './cijfers[.csv]';

// /cijfers and /cijfers.csv as a visitor gets them, and the switch on /admin that decides which
// organisations count.

const t = setupTestDatabase();
const db = () => t.handle.db;

type PageData = {
  year: number;
  years: number[];
  organisations: number;
  report: { updatedOn: string; national: ShownTable; byProvince: ShownTable; byFocus: ShownTable; notBrokenDown: string[] } | null;
};

let admin = '';
let organisationId = '';

// The test setup puts the real clock back after each test.
const firstOctober = new Date('2026-10-01T10:00:00Z');
beforeEach(() => setClock(firstOctober));
beforeAll(async () => {
  setClock(firstOctober);
  admin = await cookieFor(db(), (await createUser(db(), { isAdmin: true, name: 'Anouk Admin' })).id);
  const { course, organisation } = await createCourse(db(), { startsInDays: -30 });
  organisationId = organisation.id;
  // 12 people from Zwolle and 3 from Amsterdam signed up.
  await db()
    .insert(registrations)
    .values(
      Array.from({ length: 15 }, (_, i) => ({
        courseId: course.id,
        name: `Deelnemer ${i}`,
        email: `cijfers-${i}@example.nl`,
        municipalityCode: i < 12 ? 'GM0193' : 'GM0363',
        privacyVersion: '1.0',
        consentedAt: now(),
        status: 'confirmed' as const,
        confirmedAt: now(),
      })),
    );
});

const switchTo = (on: boolean, cookie = admin) =>
  call(list.action, post('/admin', { intent: 'open-figures', organisationId, openFigures: on ? 'aan' : 'uit' }, cookie));

describe('/cijfers', () => {
  it('says nobody takes part yet while no organisation switched on (off by default)', async () => {
    const d = dataOf<PageData>(await call(page.loader, get('/cijfers')));
    expect(d.organisations).toBe(0);
    expect(d.report).toBeNull();
  });

  it('lets only an administrator switch an organisation on, with an audit event and its history', async () => {
    const plain = await cookieFor(db(), (await createUser(db())).id);
    expect(statusOf(await switchTo(true, plain))).toBe(404); // like every admin page for others
    expect(
      statusOf(await call(list.action, post('/admin', { intent: 'open-figures', organisationId: 'nope', openFigures: 'aan' }, admin))),
    ).toBe(404);
    const result = await switchTo(true);
    expect(statusOf(result)).toBe(303);
    expect(locationOf(result)).toContain('notice=openFigures.joined');
    const [row] = await db().select().from(organisations).where(eq(organisations.id, organisationId));
    expect(row!.openFigures).toBe(true);
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.entity, 'organisation.open_figures')));
    expect(events.map((e) => e.detail)).toEqual([{ openFigures: true }]);
    const shown = dataOf<{ openFigures: { on: boolean; history: { on: boolean; actor: string | null }[] } }>(
      await call(detail.loader, get(`/admin/organisaties/${organisationId}`, admin), { id: organisationId }),
    );
    expect(shown.openFigures).toEqual({ on: true, history: [expect.objectContaining({ on: true, actor: 'Anouk Admin' })] });
  });

  it('shows the year of an organisation that takes part at once, small counts hidden', async () => {
    const d = dataOf<PageData>(await call(page.loader, get('/cijfers')));
    expect(d.organisations).toBe(1);
    expect(d.year).toBe(2026);
    const national = d.report!.national.rows[0]!.cells.map((c) => c.text);
    // One organisation takes part: the rule of three organisations (ADR 017) hides every figure but 0.
    expect(national).toEqual(['×', '0', '0', '0', '0', '0']);
    expect(d.report!.national.columns.map((c) => c.label)).toContain('Op weg naar de lijst');
    const province = Object.fromEntries(d.report!.byProvince.rows.map((r) => [r.label, r.cells[0]!.text]));
    // Amsterdam's 3 is "<5"; Zwolle's 12 would give it away (15 − 12), so it is "×".
    expect(province['Noord-Holland']).toBe('<5');
    expect(province['Overijssel']).toBe('×');
    expect(province['Zeeland']).toBe('0');
    // The page's data holds the marks, never the numbers behind them.
    expect(JSON.stringify(d.report)).not.toMatch(/"value":(3|12),/);
  });

  it('offers calendar years only: another year or a free period is a 404, never a 500', async () => {
    for (const query of ['jaar=1999', 'jaar=abc', 'jaar=2026-01-01', 'jaar=20261'])
      expect(statusOf(await call(page.loader, get(`/cijfers?${query}`))), query).toBe(404);
    expect(statusOf(await call(csv.loader, get('/cijfers.csv?jaar=1999')))).toBe(404);
    expect(dataOf<PageData>(await call(page.loader, get('/cijfers?jaar=2026'))).year).toBe(2026);
  });

  it('publishes a CSV that a CSV parser reads back: licence, date, legend and the same figures as the page', async () => {
    const response = (await call(csv.loader, get('/cijfers.csv?jaar=2026'))) as Response;
    expect(response.headers.get('Content-Type')).toContain('text/csv');
    const records = parse(await response.text(), {
      bom: true,
      delimiter: ';',
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
    const text = records.map((r) => r.join(' | '));
    expect(text).toContain('Jaar | 2026');
    expect(text).toContain('Organisaties die meedoen | 1');
    expect(text.some((l) => /^Laatst bijgewerkt \| 2026-10-01$/.test(l))).toBe(true);
    expect(text.some((l) => l.includes('CC0 1.0'))).toBe(true);
    expect(text.some((l) => l.startsWith('<5: 1 tot en met 4 mensen'))).toBe(true);
    expect(text.some((l) => l.startsWith('×:'))).toBe(true);
    // The stage "on the route to a list" sits between "with a mentor" and "on a list".
    expect(text).toContain(
      'Groep | Aangemeld voor een cursus | Aanwezig geweest | Met een mentor | Op weg naar de lijst | Op een kandidatenlijst | Gekozen',
    );
    expect(text).toContain('Heel Nederland | × | 0 | 0 | 0 | 0 | 0');
    expect(text).toContain('Noord-Holland | <5 | 0 | 0 | 0 | 0 | 0');
    expect(text).toContain('Overijssel | × | 0 | 0 | 0 | 0 | 0');
    expect(text).toContain('Totaal | × | 0 | 0 | 0 | 0 | 0');
  });

  it('drops an organisation that stops at once, in the page and in the CSV', async () => {
    expect(statusOf(await switchTo(false))).toBe(303);
    const d = dataOf<PageData>(await call(page.loader, get('/cijfers')));
    expect(d.organisations).toBe(0);
    expect(d.report).toBeNull();
    const events = await db().select().from(auditEvents).where(eq(auditEvents.organisationId, organisationId));
    expect(events.map((e) => e.detail)).toEqual([{ openFigures: true }, { openFigures: false }]);
    // Switching it on again counts again (not yesterday's figures of nobody).
    await switchTo(true);
    setClock(new Date(now().getTime() + DAY));
    expect(dataOf<PageData>(await call(page.loader, get('/cijfers'))).report!.national.rows[0]!.cells[0]!.text).toBe('×');
    expect(
      dataOf<PageData>(await call(page.loader, get('/cijfers'))).report!.byProvince.rows.find((r) => r.label === 'Noord-Holland')!.cells[0]!
        .text,
    ).toBe('<5');
  });
});

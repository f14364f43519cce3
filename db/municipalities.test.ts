import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { setupTestDatabase } from '../test/database';
import { parseCsv, readMunicipalityData } from './migrate.server';
import { municipalities, municipalityNeighbours } from './schema';

describe('municipality reference data', () => {
  const t = setupTestDatabase();

  it('parses quoted fields with commas and doubled quotes', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi"""\r\nz,w\n')).toEqual([
      ['x, y', 'say "hi"'],
      ['z', 'w'],
    ]);
  });

  it('reads all 342 municipalities of the 2025 division in 12 provinces', () => {
    const { rows, neighbours } = readMunicipalityData();
    expect(rows).toHaveLength(342);
    expect(new Set(rows.map((r) => r.code)).size).toBe(342);
    expect(new Set(rows.map((r) => r.province)).size).toBe(12);
    expect(rows.every((r) => /^GM\d{4}$/.test(r.code) && r.inhabitants > 0)).toBe(true);
    expect(rows.find((r) => r.code === 'GM0820')?.name).toBe('Nuenen, Gerwen en Nederwetten');
    expect(neighbours).toHaveLength(881);
    expect(neighbours.every((n) => n.codeA < n.codeB)).toBe(true);
  });

  it('loads them into the database at migration, with neighbours that exist', async () => {
    const db = t.handle.db;
    const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(municipalities);
    expect(Number(count?.n)).toBe(342);
    const [zwolle] = await db.select().from(municipalities).where(eq(municipalities.code, 'GM0193'));
    expect(zwolle).toMatchObject({ name: 'Zwolle', province: 'Overijssel' });
    const [pairs] = await db.select({ n: sql<number>`count(*)::int` }).from(municipalityNeighbours);
    expect(Number(pairs?.n)).toBe(881);
  });
});

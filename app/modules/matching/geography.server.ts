/**
 * The database-backed `Geography` for scoring: all municipalities and their neighbours, read once
 * into maps and a set so that every lookup is O(1) while scoring millions of pairs.
 */

import type { Db } from '~db/client.server';
import { municipalities, municipalityNeighbours } from '~db/schema';
import type { Geography } from './scoring';

export interface MunicipalityRow {
  code: string;
  name: string;
  province: string;
}

export interface NeighbourRow {
  codeA: string;
  codeB: string;
}

const neighbourKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Builds a `Geography` from rows (used by `loadGeography`, and by tests with the CSV data). */
export function geographyFrom(rows: readonly MunicipalityRow[], neighbours: readonly NeighbourRow[]): Geography {
  const byCode = new Map<string, { name: string; province: string }>();
  for (const row of rows) byCode.set(row.code, { name: row.name, province: row.province });
  const pairs = new Set<string>();
  for (const { codeA, codeB } of neighbours) if (codeA !== codeB) pairs.add(neighbourKey(codeA, codeB));
  return {
    provinceOf: (code) => byCode.get(code)?.province,
    nameOf: (code) => byCode.get(code)?.name,
    areNeighbours: (a, b) => a !== b && pairs.has(neighbourKey(a, b)),
  };
}

/** Reads the municipalities and municipality_neighbours tables into a `Geography`. */
export async function loadGeography(db: Db): Promise<Geography> {
  const [rows, neighbours] = await Promise.all([
    db.select({ code: municipalities.code, name: municipalities.name, province: municipalities.province }).from(municipalities),
    db.select({ codeA: municipalityNeighbours.codeA, codeB: municipalityNeighbours.codeB }).from(municipalityNeighbours),
  ]);
  return geographyFrom(rows, neighbours);
}

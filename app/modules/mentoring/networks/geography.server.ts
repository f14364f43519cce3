import { asc } from 'drizzle-orm';
import type { Db } from '~db/client.server';
import { municipalities } from '~db/schema';
import type { ProvinceOption } from './schemas';

// Geography for the region fields

let geographyCache: ProvinceOption[] | null = null;

/** The 12 provinces with their municipalities, by name; from the municipalities table. */
export async function provinceOptions(db: Db): Promise<ProvinceOption[]> {
  if (!geographyCache) {
    const rows = await db
      .select({
        code: municipalities.code,
        name: municipalities.name,
        province: municipalities.province,
        provinceCode: municipalities.provinceCode,
      })
      .from(municipalities)
      .orderBy(asc(municipalities.province), asc(municipalities.name));
    const byCode = new Map<string, ProvinceOption>();
    for (const r of rows) {
      let p = byCode.get(r.provinceCode);
      if (!p) byCode.set(r.provinceCode, (p = { code: r.provinceCode, name: r.province, municipalities: [] }));
      p.municipalities.push({ code: r.code, name: r.name });
    }
    geographyCache = [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
  return geographyCache;
}

export async function municipalityOptions(db: Db) {
  return (await provinceOptions(db)).flatMap((p) => p.municipalities).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

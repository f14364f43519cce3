// Small helpers for names and text that every capability may use (no imports, safe in the browser).

/** "Nederlandse Vereniging voor Raadsleden" → "nederlandse-vereniging-voor-raadsleden" (at most 60 characters); `fallback` when nothing is left. */
export function slugify(text: string, fallback: string) {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** The first word of a name, to greet someone ("Fatima" of "Fatima el Amrani"). */
export const firstName = (name: string) => name.trim().split(/\s+/)[0] ?? '';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a well-formed UUID: anything else never reaches a query (Postgres would answer with an error). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

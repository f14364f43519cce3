import { sql } from 'drizzle-orm';
import { getDb } from '~db/client.server';

/** 200 when the app and its database answer, 503 otherwise (for load balancers and uptime checks). */
export async function loader() {
  const started = Date.now();
  try {
    await Promise.race([
      getDb().execute(sql`select 1`),
      new Promise((_, reject) => setTimeout(() => reject(new Error('database timeout')), 3000)),
    ]);
    return Response.json({ status: 'ok', database: 'ok', ms: Date.now() - started }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ status: 'unavailable', database: 'down' }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}

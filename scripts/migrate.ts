// npm run db:migrate — applies the committed migrations to DATABASE_URL, or to the embedded database.
import { openDatabase } from '../db/client.server';
import { migrateDatabase } from '../db/migrate.server';
import { getEnv } from '../app/env.server';

const env = getEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await migrateDatabase(handle);
console.log(`Migrated the ${handle.kind === 'postgres' ? 'PostgreSQL' : 'embedded (PGlite)'} database.`);
await handle.close();

// npm run seed — (re)creates the demo organisations and accounts.
import { openDatabase } from '../db/client.server';
import { migrateDatabase } from '../db/migrate.server';
import { demoAccounts, seedDemoData } from '../db/seed.server';
import { getEnv } from '../app/env.server';

const env = getEnv();
const handle = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DIR });
await migrateDatabase(handle);
await seedDemoData(handle.db, { onlyIfEmpty: false });
console.log('Demo data seeded. Accounts:');
for (const [role, a] of Object.entries(demoAccounts)) console.log(`  ${role.padEnd(12)} ${a.email}  ${a.password}`);
await handle.close();

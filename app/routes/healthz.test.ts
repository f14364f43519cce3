import { describe, expect, it } from 'vitest';
import { setDatabaseHandle } from '~db/client.server';
import { openTestDatabase } from '../../test/database';
import { get, run } from '../../test/routes';
import { loader } from './healthz';

describe('health check', () => {
  it('answers 503 when the database does not answer', async () => {
    const handle = await openTestDatabase();
    setDatabaseHandle(handle);
    expect((await run(loader, get('/healthz'))).status).toBe(200);
    await handle.drop();
    const response = await run(loader, get('/healthz'));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'unavailable' });
    setDatabaseHandle(undefined);
  });
});

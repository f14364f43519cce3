import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isDatabaseOutage } from './outage';

const root = path.resolve(import.meta.dirname, '..');
const run = (kind: string) =>
  spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['server/fixtures/unhandled-rejection.ts', kind], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('a database restart does not end the web or worker process', () => {
  it('tells connection errors from bugs', () => {
    expect(isDatabaseOutage(Object.assign(new Error('the database system is shutting down'), { code: '57P03' }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseOutage(Object.assign(new Error('duplicate key value'), { code: '23505' }))).toBe(false);
    expect(isDatabaseOutage(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseOutage('57P03')).toBe(false);
  });

  it('keeps running after an unawaited call fails because PostgreSQL is down', () => {
    const child = run('outage');
    expect(child.status).toBe(0);
    expect(child.stdout).toContain('still running');
    expect(child.stdout).toContain('database unavailable');
  });

  it('still stops on any other unhandled rejection, with the error logged', () => {
    const child = run('bug');
    expect(child.status).toBe(1);
    expect(child.stdout).not.toContain('still running');
    expect(child.stdout).toContain('unhandled rejection');
    expect(child.stdout).toContain('Cannot read properties of undefined');
  });
});

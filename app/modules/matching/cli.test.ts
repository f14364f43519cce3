// The command `scripts/match.ts`, run the way people run it: `npx tsx scripts/match.ts …` as a child
// process. (It lives here rather than in scripts/ because vitest only collects tests under app/,
// db/, emails/ and server/.)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'match-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const child = spawnSync('npx', ['tsx', 'scripts/match.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

function file(name: string, content: string) {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('scripts/match.ts', () => {
  it('solves the DESIGN.md example from a file', () => {
    const input = file(
      'example.json',
      JSON.stringify({
        mentors: [{ id: 'm1', capacity: 2 }],
        mentees: [{ id: 'e1' }],
        edges: [{ mentee: 'e1', mentor: 'm1', score: 73 }],
      }),
    );
    const { code, stdout, stderr } = run([input]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ matched: 1, totalScore: 73, assignments: [{ mentee: 'e1', mentor: 'm1', score: 73 }] });
  });

  it('reads standard input with -, triples and pins', () => {
    const instance = {
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 1 },
      ],
      mentees: [{ id: 'e1' }, { id: 'e2' }, { id: 'e3' }],
      edges: [
        ['e1', 'm1', 90],
        ['e1', 'm2', 80],
        ['e2', 'm1', 70],
        ['e3', 'm2', 100],
      ],
      pinned: [['e3', 'm2']],
    };
    const { code, stdout, stderr } = run(['-'], JSON.stringify(instance));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.endsWith('\n')).toBe(true);
    expect(JSON.parse(stdout)).toEqual({
      matched: 2,
      totalScore: 190,
      assignments: [
        { mentee: 'e1', mentor: 'm1', score: 90 },
        { mentee: 'e3', mentor: 'm2', score: 100 },
      ],
    });
  });

  const rejected = (result: ReturnType<typeof run>, message: string) => {
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trimEnd().split('\n')).toEqual([message]);
  };

  it('rejects malformed JSON with exit code 2 and nothing on stdout', () => {
    const result = run(['-'], '{"mentors": [');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^match: malformed JSON: .+\n$/);
  });

  it('rejects invalid input, naming the offending item', () => {
    const input = file(
      'unknown.json',
      JSON.stringify({ mentors: [{ id: 'm1', capacity: 1 }], mentees: [{ id: 'e1' }], edges: [['e1', 'm9', 5]] }),
    );
    rejected(run([input]), 'match: edges[0]: unknown mentor "m9"');
    rejected(
      run(['-'], JSON.stringify({ mentors: [{ id: 'm1', capacity: -1 }], mentees: [], edges: [] })),
      'match: mentors[0].capacity: expected an integer ≥ 0, got -1',
    );
  });

  it('rejects an unreadable file and wrong arguments', () => {
    rejected(run([path.join(dir, 'missing.json')]), `match: cannot read ${JSON.stringify(path.join(dir, 'missing.json'))}: no such file`);
    rejected(run([]), 'match: usage: tsx scripts/match.ts FILE.json   (or - for standard input)');
  });
});

import { describe, expect, it } from 'vitest';
import { capabilityOf, cycles, importGraph } from './import-graph';

// Dependencies point down (STYLE.md): routes → components → modules → db / emails / i18n. A
// capability (app/modules/<name>/) imports another only for that capability's own work, never in a
// circle, and helpers every capability needs live beside them (time.ts, http.server.ts, text.ts).
// The app never imports the server: the server runs the app, not the other way round.

const graph = importGraph(['app', 'server']);

// A node per capability folder; a file directly in app/modules (a shared helper) is a node of its own.
const nodeOf = (file: string) => capabilityOf(file) ?? (file.startsWith('app/modules/') ? file : undefined);

describe('imports', () => {
  it('reads the whole source', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(graph.get('app/root.tsx')?.length).toBeGreaterThan(3);
  });

  it('have no cycle between the folders of app/modules', () => {
    const edges = new Map<string, Set<string>>();
    const why = new Map<string, string>();
    for (const [file, targets] of graph) {
      const from = nodeOf(file);
      if (!from || file.endsWith('.test.ts') || file.endsWith('.test.tsx')) continue;
      for (const target of targets) {
        const to = nodeOf(target);
        if (!to || to === from) continue;
        if (!edges.has(from)) edges.set(from, new Set());
        edges.get(from)!.add(to);
        why.set(`${from} → ${to}`, `${file} imports ${target}`);
      }
    }
    const found = cycles(edges).map((members) => {
      const inCycle = new Set(members);
      const links = [...why].filter(([edge]) => {
        const [a, b] = edge.split(' → ');
        return inCycle.has(a!) && inCycle.has(b!);
      });
      return `${members.join(' ⇄ ')}:\n  ${links.map(([, reason]) => reason).join('\n  ')}`;
    });
    expect(found, found.join('\n\n')).toEqual([]);
  });

  it('never lead from app/ into server/', () => {
    const wrong = [...graph]
      .filter(([file]) => file.startsWith('app/'))
      .flatMap(([file, targets]) => targets.filter((t) => t.startsWith('server/')).map((t) => `${file} imports ${t}`));
    expect(wrong).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  greedyAssignment,
  MatchingInputError,
  parseInstance,
  solveAssignment,
  type MatchingEdge,
  type MatchingInstance,
  type MatchingResult,
} from './engine';
import { mulberry32, randomInstance, randomInt } from './generate';

// ------------------------------------------------------------------------------------------------
// Independent reference and checks (they use nothing from the solver but its output)

interface Plain {
  mentors: { id: string; capacity: number }[];
  mentees: { id: string }[];
  edges: MatchingEdge[];
  pinned?: { mentee: string; mentor: string }[];
}

/** Exhaustive search: every mentee takes one of its edges or none; best (matched, score). */
function bruteForce(inst: Plain): { matched: number; totalScore: number } {
  const mentorIndex = new Map(inst.mentors.map((m, j) => [m.id, j]));
  const left = inst.mentors.map((m) => m.capacity);
  const pinnedMentor = new Map((inst.pinned ?? []).map((p) => [p.mentee, p.mentor]));
  const options = inst.mentees.map((e) =>
    inst.edges.filter((x) => x.mentee === e.id && (!pinnedMentor.has(e.id) || pinnedMentor.get(e.id) === x.mentor)),
  );
  let best = { matched: -1, totalScore: -1 };
  const visit = (i: number, matched: number, score: number) => {
    if (i === inst.mentees.length) {
      if (matched > best.matched || (matched === best.matched && score > best.totalScore)) best = { matched, totalScore: score };
      return;
    }
    const pinned = pinnedMentor.has(inst.mentees[i]!.id);
    if (!pinned) visit(i + 1, matched, score);
    for (const edge of options[i]!) {
      const j = mentorIndex.get(edge.mentor)!;
      if (left[j]! === 0) continue;
      left[j]!--;
      visit(i + 1, matched + 1, score + edge.score);
      left[j]!++;
    }
  };
  visit(0, 0, 0);
  return best;
}

/** A feasible assignment: real edges with their scores, one mentor per mentee, within capacity, pins kept. */
function expectFeasible(inst: Plain, result: MatchingResult) {
  const score = new Map(inst.edges.map((e) => [`${e.mentee}\u0000${e.mentor}`, e.score]));
  const menteeOrder = new Map(inst.mentees.map((e, i) => [e.id, i]));
  const load = new Map<string, number>();
  let total = 0;
  let previous = -1;
  for (const a of result.assignments) {
    expect(score.get(`${a.mentee}\u0000${a.mentor}`)).toBe(a.score);
    const order = menteeOrder.get(a.mentee)!;
    expect(order).toBeGreaterThan(previous); // mentee input order, each mentee at most once
    previous = order;
    load.set(a.mentor, (load.get(a.mentor) ?? 0) + 1);
    total += a.score;
  }
  for (const m of inst.mentors) expect(load.get(m.id) ?? 0).toBeLessThanOrEqual(m.capacity);
  for (const p of inst.pinned ?? [])
    expect(result.assignments).toContainEqual(expect.objectContaining({ mentee: p.mentee, mentor: p.mentor }));
  expect(result.matched).toBe(result.assignments.length);
  expect(result.totalScore).toBe(total);
}

/**
 * Checks optimality from the result and its potentials alone, on the network described at
 * `MatchingCertificate`: (1) every residual arc has reduced cost ≥ 0 (no negative cycle: no
 * better score for this many matches); (2) T is unreachable from S in the residual network (no
 * augmenting path: no assignment with more matches). Returns the first violation found, or null.
 */
function certificateViolation(inst: Plain, result: MatchingResult, cert = result.certificate): string | null {
  if (!cert) return 'no certificate';
  const pinned = new Set((inst.pinned ?? []).map((p) => p.mentee));
  const menteeIndex = new Map(inst.mentees.map((e, i) => [e.id, i]));
  const mentorIndex = new Map(inst.mentors.map((m, j) => [m.id, j]));
  const assigned = new Map(result.assignments.map((a) => [a.mentee, a.mentor]));
  const capLeft = inst.mentors.map((m) => m.capacity);
  for (const p of inst.pinned ?? []) capLeft[mentorIndex.get(p.mentor)!]!--;
  const load = inst.mentors.map(() => 0);
  for (const a of result.assignments) if (!pinned.has(a.mentee)) load[mentorIndex.get(a.mentor)!]!++;

  // Node ids for the reachability search: 0 = S, 1 = T, 2 + i mentees, 2 + n + j mentors.
  const n = inst.mentees.length;
  const names = (v: number) => (v === 0 ? 'S' : v === 1 ? 'T' : v < 2 + n ? inst.mentees[v - 2]!.id : inst.mentors[v - 2 - n]!.id);
  const adjacency: number[][] = Array.from({ length: 2 + n + inst.mentors.length }, () => []);
  let violation: string | null = null;
  const residual = (from: number, to: number, reducedCost: number) => {
    if (!(reducedCost >= 0) && violation === null) violation = `arc ${names(from)} → ${names(to)} has reduced cost ${reducedCost}`;
    adjacency[from]!.push(to);
  };
  for (const e of inst.mentees) {
    if (pinned.has(e.id)) continue;
    const i = menteeIndex.get(e.id)!;
    const pi = cert.mentees[i] ?? NaN;
    if (assigned.has(e.id)) residual(2 + i, 0, 0 + pi - cert.source);
    else residual(0, 2 + i, 0 + cert.source - pi);
  }
  for (const edge of inst.edges) {
    if (pinned.has(edge.mentee)) continue;
    const i = menteeIndex.get(edge.mentee)!;
    const j = mentorIndex.get(edge.mentor)!;
    const pe = cert.mentees[i] ?? NaN;
    const pm = cert.mentors[j]!;
    if (assigned.get(edge.mentee) === edge.mentor) residual(2 + n + j, 2 + i, edge.score + pm - pe);
    else residual(2 + i, 2 + n + j, -edge.score + pe - pm);
  }
  inst.mentors.forEach((_, j) => {
    const pm = cert.mentors[j]!;
    if (load[j]! < capLeft[j]!) residual(2 + n + j, 1, pm - cert.sink);
    if (load[j]! > 0) residual(1, 2 + n + j, cert.sink - pm);
  });
  if (violation) return violation;
  const seen = new Uint8Array(adjacency.length);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    for (const v of adjacency[stack.pop()!]!) {
      if (!seen[v]) {
        seen[v] = 1;
        stack.push(v);
      }
    }
  }
  return seen[1] ? 'an augmenting path exists: more mentees could be matched' : null;
}

function expectOptimalByCertificate(inst: Plain, result: MatchingResult) {
  expect(certificateViolation(inst, result)).toBeNull();
}

function toPlain(inst: MatchingInstance): Plain {
  return {
    mentors: inst.mentors.map((m) => ({ ...m })),
    mentees: inst.mentees.map((e) => ({ ...e })),
    edges: inst.edges.map((e) => (Array.isArray(e) ? { mentee: e[0], mentor: e[1], score: e[2] } : (e as MatchingEdge))),
    pinned: inst.pinned?.map((p) => (Array.isArray(p) ? { mentee: p[0], mentor: p[1] } : (p as { mentee: string; mentor: string }))),
  };
}

/** Small random instance; sometimes with pins (each a real edge, within capacity). */
function smallInstance(seed: number): Plain {
  const random = mulberry32(seed);
  const n = randomInt(random, 0, 7);
  const m = randomInt(random, 0, 4);
  const density = random();
  // few distinct scores → many ties and zero-cost cycles in the admissible subgraph
  const scoreMode = randomInt(random, 0, 3);
  const score = () => (scoreMode === 0 ? 60 : scoreMode === 1 ? randomInt(random, 0, 2) * 50 : randomInt(random, 0, 100));
  const inst: Plain = {
    mentors: Array.from({ length: m }, (_, j) => ({ id: `m${j}`, capacity: randomInt(random, 0, 3) })),
    mentees: Array.from({ length: n }, (_, i) => ({ id: `e${i}` })),
    edges: [],
  };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      if (random() < density) inst.edges.push({ mentee: `e${i}`, mentor: `m${j}`, score: score() });
    }
  }
  // shuffle edge order so that grouping by mentee is exercised
  for (let k = inst.edges.length - 1; k > 0; k--) {
    const r = randomInt(random, 0, k);
    [inst.edges[k], inst.edges[r]] = [inst.edges[r]!, inst.edges[k]!];
  }
  if (random() < 0.3) {
    const left = inst.mentors.map((x) => x.capacity);
    const pinnedMentees = new Set<string>();
    inst.pinned = [];
    for (const edge of inst.edges) {
      const j = Number(edge.mentor.slice(1));
      if (random() < 0.25 && left[j]! > 0 && !pinnedMentees.has(edge.mentee)) {
        left[j]!--;
        pinnedMentees.add(edge.mentee);
        inst.pinned.push({ mentee: edge.mentee, mentor: edge.mentor });
      }
    }
  }
  return inst;
}

// ------------------------------------------------------------------------------------------------

describe('solveAssignment', () => {
  it('solves the example from DESIGN.md', () => {
    const result = solveAssignment({
      mentors: [{ id: 'm1', capacity: 2 }],
      mentees: [{ id: 'e1' }],
      edges: [{ mentee: 'e1', mentor: 'm1', score: 73 }],
    });
    expect(result).toEqual({ matched: 1, totalScore: 73, assignments: [{ mentee: 'e1', mentor: 'm1', score: 73 }] });
  });

  it('matches exhaustive search on 600 small random instances (with ties, pins and zero capacities)', () => {
    let withPins = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const inst = smallInstance(seed);
      if (inst.pinned?.length) withPins++;
      const expected = bruteForce(inst);
      for (const search of ['auto', 'forward', 'backward'] as const) {
        const result = solveAssignment(inst, { certificate: true, search });
        expect({ seed, search, matched: result.matched, totalScore: result.totalScore }).toEqual({ seed, search, ...expected });
        expectFeasible(inst, result);
        expectOptimalByCertificate(inst, result);
      }
    }
    expect(withPins).toBeGreaterThan(50);
  });

  it('proves optimality of large random instances with a certificate checked independently', () => {
    for (const [seed, mentees, mentors, degree, maxCapacity] of [
      [11, 3000, 600, 33, 5], // ~100k edges, capacity scarce
      [12, 3000, 600, 4, 2], // sparse: long augmenting paths
      [13, 3000, 1500, 12, 1], // unit capacities: plain assignment
      [14, 1000, 600, 30, 5], // capacity plentiful
    ] as const) {
      const inst = toPlain(randomInstance({ mentees, mentors, degree, maxCapacity, seed }));
      if (seed === 11) expect(inst.edges.length).toBeGreaterThan(90_000);
      const greedy = greedyAssignment(inst);
      expectFeasible(inst, greedy);
      let first: MatchingResult | undefined;
      // every search direction must reach a (certified) optimum, the same one in value
      for (const search of ['auto', 'forward', 'backward'] as const) {
        const result = solveAssignment(inst, { certificate: true, search });
        expectFeasible(inst, result);
        expect(certificateViolation(inst, result), `seed ${seed}, ${search}`).toBeNull();
        first ??= result;
        expect([result.matched, result.totalScore]).toEqual([first.matched, first.totalScore]);
        // a suboptimal assignment must not pass with these potentials
        if (greedy.matched !== result.matched || greedy.totalScore !== result.totalScore) {
          expect(certificateViolation(inst, greedy, result.certificate)).not.toBeNull();
        }
      }
      expect(first!.matched).toBeGreaterThanOrEqual(greedy.matched);
      if (first!.matched === greedy.matched) expect(first!.totalScore).toBeGreaterThan(greedy.totalScore);
    }
  });

  it('prefers one more match over any score gain, even along long rerouting chains', () => {
    // Mentees a1..a5 each have a 100-point edge to mentor p_i and a 0-point edge to p_{i+1};
    // b only fits p1. Matching b forces every a_i onto its 0-point edge: 6 matches scoring 0
    // beat 5 matches scoring 500. (A flat per-match bonus of 101 would pick the 500.)
    const k = 5;
    const inst: Plain = {
      mentors: Array.from({ length: k + 1 }, (_, i) => ({ id: `p${i + 1}`, capacity: 1 })),
      mentees: [...Array.from({ length: k }, (_, i) => ({ id: `a${i + 1}` })), { id: 'b' }],
      edges: [
        ...Array.from({ length: k }, (_, i) => [
          { mentee: `a${i + 1}`, mentor: `p${i + 1}`, score: 100 },
          { mentee: `a${i + 1}`, mentor: `p${i + 2}`, score: 0 },
        ]).flat(),
        { mentee: 'b', mentor: 'p1', score: 0 },
      ],
    };
    const result = solveAssignment(inst);
    expect(result.matched).toBe(k + 1);
    expect(result.totalScore).toBe(0);
    expect(greedyAssignment(inst)).toMatchObject({ matched: k, totalScore: 100 * k });
  });

  it('keeps pins even when that lowers the score, and they use up capacity', () => {
    const inst: Plain = {
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 1 },
      ],
      mentees: [{ id: 'e1' }, { id: 'e2' }],
      edges: [
        { mentee: 'e1', mentor: 'm1', score: 90 },
        { mentee: 'e1', mentor: 'm2', score: 10 },
        { mentee: 'e2', mentor: 'm1', score: 80 },
      ],
    };
    expect(solveAssignment(inst).assignments).toEqual([
      { mentee: 'e1', mentor: 'm2', score: 10 },
      { mentee: 'e2', mentor: 'm1', score: 80 },
    ]);
    const pinned = solveAssignment({ ...inst, pinned: [['e1', 'm1']] }, { certificate: true });
    expect(pinned).toMatchObject({ matched: 1, totalScore: 90, assignments: [{ mentee: 'e1', mentor: 'm1', score: 90 }] });
    expect(pinned.certificate!.mentees[0]).toBeNull();
    expectOptimalByCertificate({ ...inst, pinned: [{ mentee: 'e1', mentor: 'm1' }] }, pinned);
  });

  it('handles zero-capacity mentors, mentees without edges and empty instances', () => {
    expect(solveAssignment({ mentors: [], mentees: [], edges: [] })).toEqual({ matched: 0, totalScore: 0, assignments: [] });
    const inst: Plain = {
      mentors: [
        { id: 'full', capacity: 0 },
        { id: 'open', capacity: 3 },
      ],
      mentees: [{ id: 'lonely' }, { id: 'e1' }, { id: 'e2' }],
      edges: [
        { mentee: 'e1', mentor: 'full', score: 100 },
        { mentee: 'e2', mentor: 'full', score: 100 },
        { mentee: 'e2', mentor: 'open', score: 5 },
      ],
    };
    const result = solveAssignment(inst, { certificate: true });
    expect(result).toMatchObject({ matched: 1, totalScore: 5, assignments: [{ mentee: 'e2', mentor: 'open', score: 5 }] });
    expectOptimalByCertificate(inst, result);
    expect(solveAssignment({ mentors: [{ id: 'm', capacity: 5 }], mentees: [{ id: 'e' }], edges: [] }).matched).toBe(0);
  });

  it('treats huge capacities exactly', () => {
    const result = solveAssignment({
      mentors: [{ id: 'm', capacity: Number.MAX_SAFE_INTEGER }],
      mentees: [{ id: 'a' }, { id: 'b' }],
      edges: [
        ['a', 'm', 1],
        ['b', 'm', 2],
      ],
    });
    expect(result).toMatchObject({ matched: 2, totalScore: 3 });
  });

  it('is deterministic: same input, same result; triples and objects give the same answer', () => {
    const inst = randomInstance({ mentees: 400, mentors: 60, degree: 8, minCapacity: 0, maxCapacity: 3, seed: 99 });
    // few distinct scores → many equally good assignments, so tie-breaking really matters
    const tied = { ...inst, edges: inst.edges.map(([e, m, s]) => [e, m, s - (s % 25)] as const) };
    const first = solveAssignment(tied);
    expect(solveAssignment(tied)).toEqual(first);
    expect(solveAssignment(parseInstance(JSON.parse(JSON.stringify(tied))))).toEqual(first);
    expect(solveAssignment(toPlain(tied))).toEqual(first);
    expect(randomInstance({ mentees: 400, mentors: 60, degree: 8, minCapacity: 0, maxCapacity: 3, seed: 99 })).toEqual(inst);
  });

  it('can report the number of rounds', () => {
    const result = solveAssignment(randomInstance({ mentees: 500, mentors: 100, degree: 10, seed: 5 }), { stats: true });
    expect(result.stats!.rounds).toBeGreaterThan(0);
    expect(result.stats!.passes).toBeGreaterThanOrEqual(result.stats!.rounds);
    expect(result.stats!.forwardRounds).toBeLessThanOrEqual(result.stats!.rounds);
  });
});

describe('greedyAssignment', () => {
  it('takes the best edges first, and can lose matches that way', () => {
    const inst: Plain = {
      mentors: [
        { id: 'm1', capacity: 1 },
        { id: 'm2', capacity: 1 },
      ],
      mentees: [{ id: 'e1' }, { id: 'e2' }],
      edges: [
        { mentee: 'e1', mentor: 'm1', score: 90 },
        { mentee: 'e1', mentor: 'm2', score: 80 },
        { mentee: 'e2', mentor: 'm1', score: 70 },
      ],
    };
    expect(greedyAssignment(inst)).toMatchObject({ matched: 1, totalScore: 90 });
    expect(solveAssignment(inst)).toMatchObject({ matched: 2, totalScore: 150 });
  });
});

describe('parseInstance', () => {
  const base = () => ({
    mentors: [
      { id: 'm1', capacity: 1 },
      { id: 'm2', capacity: 2 },
    ] as unknown[],
    mentees: [{ id: 'e1' }, { id: 'e2' }] as unknown[],
    edges: [{ mentee: 'e1', mentor: 'm1', score: 10 }, ['e2', 'm2', 20]] as unknown[],
    pinned: [] as unknown[],
  });
  /** `change` edits the valid base input in place, or returns a replacement for it. */
  const rejects = (change: (x: ReturnType<typeof base>) => unknown, message: string) => {
    const input = base();
    const replaced = change(input);
    expect(() => parseInstance(replaced === undefined ? input : replaced)).toThrow(new MatchingInputError(message));
  };

  it('accepts objects and triples for edges, and objects and pairs for pins', () => {
    const p = parseInstance({ ...base(), pinned: [['e1', 'm1'], { mentee: 'e2', mentor: 'm2' }] });
    expect(p.edgeCount).toBe(2);
    expect(Array.from(p.pinEdge)).toEqual([0, 1]);
  });

  it('rejects wrong shapes and types', () => {
    rejects(() => null, 'input: expected a JSON object with "mentors", "mentees" and "edges", got null');
    rejects(() => [], 'input: expected a JSON object with "mentors", "mentees" and "edges", got []');
    rejects((x) => ({ ...x, edges: undefined }), 'edges: expected an array, got nothing');
    rejects((x) => ({ ...x, mentors: {} }), 'mentors: expected an array, got {}');
    rejects((x) => ({ ...x, pinned: 'e1' }), 'pinned: expected an array, got "e1"');
    rejects((x) => void (x.mentors[1] = 'm2'), 'mentors[1]: expected an object with an "id", got "m2"');
    rejects((x) => void (x.mentees[0] = { id: 7 }), 'mentees[0].id: expected a string, got 7');
    rejects((x) => void (x.edges[1] = ['e2', 'm2']), 'edges[1]: expected [mentee, mentor, score], got ["e2","m2"]');
    rejects(
      (x) => void (x.edges[1] = 'e2 m2 20'),
      'edges[1]: expected { "mentee", "mentor", "score" } or [mentee, mentor, score], got "e2 m2 20"',
    );
    rejects((x) => void (x.edges[0] = { mentee: 1, mentor: 'm1', score: 1 }), 'edges[0]: mentee must be a string id, got 1');
    rejects((x) => void (x.edges[0] = { mentee: 'e1', score: 1 }), 'edges[0]: mentor must be a string id, got nothing');
  });

  it('rejects duplicate ids', () => {
    rejects((x) => void x.mentors.push({ id: 'm1', capacity: 3 }), 'mentors[2]: duplicate id "m1" (also mentors[0])');
    rejects((x) => void x.mentees.push({ id: 'e2' }), 'mentees[2]: duplicate id "e2" (also mentees[1])');
  });

  it('rejects bad capacities and scores', () => {
    for (const capacity of [-1, 1.5, '2', null, Infinity]) {
      rejects(
        (x) => void (x.mentors[1] = { id: 'm2', capacity }),
        `mentors[1].capacity: expected an integer ≥ 0, got ${JSON.stringify(capacity)}`,
      );
    }
    for (const score of [-1, 101, 50.5, '50']) {
      rejects((x) => void (x.edges[1] = ['e2', 'm2', score]), `edges[1]: score must be an integer 0–100, got ${JSON.stringify(score)}`);
    }
  });

  it('rejects unknown ids and duplicate edges', () => {
    rejects((x) => void x.edges.push(['e1', 'm9', 5]), 'edges[2]: unknown mentor "m9"');
    rejects((x) => void x.edges.push({ mentee: 'nobody', mentor: 'm1', score: 5 }), 'edges[2]: unknown mentee "nobody"');
    rejects(
      (x) => void x.edges.push(['e2', 'm1', 1], ['e1', 'm1', 99], ['e2', 'm1', 3]),
      'edges[3]: duplicate edge for mentee "e1" and mentor "m1" (also edges[0])',
    );
  });

  it('rejects pins that are unknown, without an edge, repeated or over capacity', () => {
    rejects((x) => void x.pinned.push(['e1', 'm7']), 'pinned[0]: unknown mentor "m7"');
    rejects((x) => void x.pinned.push({ mentee: 'x', mentor: 'm1' }), 'pinned[0]: unknown mentee "x"');
    rejects((x) => void x.pinned.push(['e1', 'm2']), 'pinned[0]: there is no edge between mentee "e1" and mentor "m2"');
    rejects((x) => void x.pinned.push(['e1', 'm1'], ['e1', 'm1']), 'pinned[1]: mentee "e1" is already pinned (pinned[0])');
    rejects((x) => {
      x.mentees.push({ id: 'e3' });
      x.edges.push(['e2', 'm1', 5], ['e3', 'm1', 5]);
      x.pinned.push(['e3', 'm1'], ['e2', 'm1']);
    }, 'pinned[1]: more pins than capacity for mentor "m1" (capacity 1)');
    rejects((x) => {
      x.mentors[0] = { id: 'm1', capacity: 0 };
      x.pinned.push(['e1', 'm1']);
    }, 'pinned[0]: more pins than capacity for mentor "m1" (capacity 0)');
  });

  it('reports errors through solveAssignment too', () => {
    expect(() => solveAssignment({ mentors: [], mentees: [{ id: 'e' }], edges: [['e', 'm', 1]] })).toThrow('edges[0]: unknown mentor "m"');
  });
});

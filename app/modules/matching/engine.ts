/**
 * Mentor–mentee assignment engine (DESIGN.md §4, layer 2). Pure: no database, no framework.
 *
 * Given mentors with capacities, mentees and scored compatible pairs, returns the assignment that
 * first maximises the NUMBER of matched mentees and then the TOTAL score, exactly (min-cost
 * maximum flow, see ./flow.ts for the method and the proof). Pinned pairs are always in the result
 * and use up capacity. Mentees that already have an active match elsewhere are simply not passed
 * in, and the caller lowers each mentor's `capacity` by the active matches it already has.
 *
 * Deterministic: the same input (including its order) always gives the same assignment. When
 * several assignments are optimal, which one is returned depends on input order (earlier mentees
 * and earlier edges are tried first); it does not depend on anything else.
 */
import { solveMinCostMaxFlow, type SearchDirection } from './flow';
import { parseInstance, type MatchingInstance, type PreparedInstance } from './instance';

export { MatchingInputError, PreparedInstance, parseInstance, type MatchingEdge, type MatchingInstance } from './instance';

interface MatchingAssignment {
  mentee: string;
  mentor: string;
  score: number;
}

/**
 * Dual potentials that prove the result optimal, for an independent check (see engine.test.ts).
 *
 * They refer to the flow network of the instance with the pinned mentees removed and each mentor's
 * capacity lowered by its pins: S → mentee (capacity 1, cost 0), mentee → mentor per edge
 * (capacity 1, cost −score), mentor → T (capacity, cost 0). For every arc with residual capacity
 * in that network — forward arcs not saturated, and the reverse of every arc carrying flow, with
 * the negated cost — the reduced cost `cost + π(from) − π(to)` is ≥ 0. That rules out a negative
 * residual cycle, so no assignment with the same number of matches scores higher; together with
 * "T is not reachable from S in the residual network" (no assignment with more matches) it proves
 * the result is the lexicographic optimum.
 */
interface MatchingCertificate {
  source: number;
  sink: number;
  /** Per mentee in input order; null for pinned mentees (not part of the network). */
  mentees: (number | null)[];
  /** Per mentor in input order. */
  mentors: number[];
}

export interface MatchingResult {
  matched: number;
  totalScore: number;
  /** In mentee input order; includes the pinned pairs. */
  assignments: MatchingAssignment[];
  certificate?: MatchingCertificate;
  stats?: MatchingStats;
}

/** How much work the solver did (see ./flow.ts). */
interface MatchingStats {
  /** Shortest-path rounds (= distinct augmenting path lengths). */
  rounds: number;
  /** Of those, rounds where the search from the mentees finished first (the rest came from the mentors' side). */
  forwardRounds: number;
  /** Augmenting passes over the admissible arcs (at least one per round). */
  passes: number;
}

export interface SolveOptions {
  /** Also return the dual potentials (`result.certificate`). */
  certificate?: boolean;
  /** Also return counts of the solver's work (`result.stats`). */
  stats?: boolean;
  /**
   * Which side the shortest-path searches start from (see ./flow.ts). Any choice gives an optimal
   * result; the default runs both each round and uses the one that finishes first. Only for tests
   * and benchmarks.
   */
  search?: SearchDirection;
}

/** Per mentee: the edge it is assigned along (pins only), and per mentor: capacity left. */
function applyPins(p: PreparedInstance) {
  const menteeEdge = new Int32Array(p.menteeIds.length).fill(-1);
  const capacityLeft = Float64Array.from(p.capacity);
  for (let i = 0; i < p.pinEdge.length; i++) {
    const edge = p.pinEdge[i]!;
    menteeEdge[p.edgeMentee[edge]!] = edge;
    capacityLeft[p.edgeMentor[edge]!]!--;
  }
  return { menteeEdge, capacityLeft };
}

function buildResult(p: PreparedInstance, menteeEdge: Int32Array): MatchingResult {
  const assignments: MatchingAssignment[] = [];
  let totalScore = 0;
  for (let i = 0; i < menteeEdge.length; i++) {
    const edge = menteeEdge[i]!;
    if (edge < 0) continue;
    const score = p.edgeScore[edge]!;
    totalScore += score;
    assignments.push({ mentee: p.menteeIds[i]!, mentor: p.mentorIds[p.edgeMentor[edge]!]!, score });
  }
  return { matched: assignments.length, totalScore, assignments };
}

/**
 * The optimal assignment. Accepts a `MatchingInstance` (validated here; throws
 * `MatchingInputError`) or an instance already returned by `parseInstance`.
 */
export function solveAssignment(instance: MatchingInstance | PreparedInstance, options: SolveOptions = {}): MatchingResult {
  const p = parseInstance(instance);
  const n = p.menteeIds.length;
  const m = p.mentorIds.length;
  const { menteeEdge, capacityLeft } = applyPins(p);

  // The flow network's arcs: the edges of the mentees that are not pinned, grouped by mentee in
  // edge input order (exactly the prepared CSR minus the pinned mentees' groups).
  const arcStart = new Int32Array(n + 1);
  let arcCount = 0;
  for (let i = 0; i < n; i++) {
    if (menteeEdge[i]! < 0) arcCount += p.menteeStart[i + 1]! - p.menteeStart[i]!;
    arcStart[i + 1] = arcCount;
  }
  const arcHead = new Int32Array(arcCount);
  const arcScore = new Uint8Array(arcCount);
  const arcEdge = new Int32Array(arcCount);
  const inDegree = new Int32Array(m);
  for (let i = 0, a = 0; i < n; i++) {
    if (menteeEdge[i]! >= 0) continue;
    for (let k = p.menteeStart[i]!; k < p.menteeStart[i + 1]!; k++, a++) {
      const edge = p.menteeEdges[k]!;
      const j = p.edgeMentor[edge]!;
      arcHead[a] = n + j;
      arcScore[a] = p.edgeScore[edge]!;
      arcEdge[a] = edge;
      inDegree[j]!++;
    }
  }
  // Capacity beyond the number of arcs into a mentor can never be used; clamping keeps it an
  // Int32 while "load < capacity" stays exactly as true or false as with the real number.
  const capacity = new Int32Array(m);
  for (let j = 0; j < m; j++) capacity[j] = Math.min(capacityLeft[j]!, inDegree[j]! + 1);

  const solution = solveMinCostMaxFlow({ menteeCount: n, mentorCount: m, arcStart, arcHead, arcScore, capacity }, options.search);
  for (let i = 0; i < n; i++) {
    const a = solution.matchArc[i]!;
    if (a >= 0) menteeEdge[i] = arcEdge[a]!;
  }

  const result = buildResult(p, menteeEdge);
  if (options.certificate) {
    const pinned = applyPins(p).menteeEdge;
    const pot = solution.potential;
    result.certificate = {
      source: pot[n + m + 1]!,
      sink: pot[n + m]!,
      mentees: Array.from({ length: n }, (_, i) => (pinned[i]! >= 0 ? null : pot[i]!)),
      mentors: Array.from({ length: m }, (_, j) => pot[n + j]!),
    };
  }
  if (options.stats) result.stats = { rounds: solution.rounds, forwardRounds: solution.forwardRounds, passes: solution.passes };
  return result;
}

/**
 * The simple baseline, for comparison only: pins first, then edges by score descending (ties in
 * input order), taking an edge when its mentee is still free and its mentor has capacity left.
 * Not optimal in either criterion.
 */
export function greedyAssignment(instance: MatchingInstance | PreparedInstance): MatchingResult {
  const p = parseInstance(instance);
  const { menteeEdge, capacityLeft } = applyPins(p);
  // Counting sort by score (101 buckets) is stable and O(edges).
  const bucketStart = new Int32Array(102);
  for (let i = 0; i < p.edgeScore.length; i++) bucketStart[100 - p.edgeScore[i]! + 1]!++;
  for (let b = 0; b < 101; b++) bucketStart[b + 1]! += bucketStart[b]!;
  const order = new Int32Array(p.edgeScore.length);
  for (let i = 0; i < p.edgeScore.length; i++) order[bucketStart[100 - p.edgeScore[i]!]!++] = i;
  for (let k = 0; k < order.length; k++) {
    const edge = order[k]!;
    const e = p.edgeMentee[edge]!;
    const j = p.edgeMentor[edge]!;
    if (menteeEdge[e]! < 0 && capacityLeft[j]! > 0) {
      menteeEdge[e] = edge;
      capacityLeft[j]!--;
    }
  }
  return buildResult(p, menteeEdge);
}

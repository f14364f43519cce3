/**
 * Exact capacitated assignment as a min-cost maximum flow (internal to the matching engine).
 *
 * Network: source S → mentee (capacity 1, cost 0), mentee → mentor for every compatible pair
 * (capacity 1, cost −score), mentor → sink T (capacity = the mentor's free capacity, cost 0).
 * An integral S–T flow is an assignment; its value is the number of matched mentees and its cost
 * is −(total score).
 *
 * Why this gives "most matches first, then highest total score", exactly:
 * Successive shortest paths keeps the invariant "the current flow has the least cost among all
 * flows of its value" (it starts from the zero flow in a network without cycles, and augmenting
 * along a shortest path preserves it). We do not stop when paths stop paying off; we augment
 * until T is unreachable, i.e. until the flow is maximum. So the result has the maximum number of
 * matches and, among those, the minimum cost = the maximum total score.
 *
 * That is the same as giving every match a bonus BIG and solving an ordinary min-cost flow with
 * costs −(BIG + score) — but BIG must be large: a solution with k + 1 matches scoring 0 must beat
 * one with k matches scoring 100·k, so BIG > 100·k is needed. BIG = 101 is NOT enough as soon as
 * an augmenting path reroutes two or more mentees (the test "prefers one more match over any
 * score gain" builds such a chain); BIG > 100 · min(#mentees, total capacity) is. Running to
 * maximum flow needs no BIG at all and keeps all numbers small, so that is what we do.
 *
 * Algorithm (primal–dual): node potentials π keep every residual arc's reduced cost
 * c'(u,v) = c(u,v) + π(u) − π(v) ≥ 0, so each round can run Dijkstra. A round:
 *   1. Dijkstra over reduced costs from S, stopped as soon as T is settled at distance D; then
 *      π(v) += min(d(v), D) (nodes not settled get D). Reduced costs stay ≥ 0: for two settled
 *      nodes it is the triangle inequality; for a settled u and an unsettled v, v was relaxed
 *      from u but not settled before T, so d(u) + c'(u,v) ≥ D. Every arc on a shortest S–T path
 *      now has reduced cost 0 ("admissible"), and every admissible S–T path is a shortest path (a
 *      path's reduced length is its real length + π(S) − π(T)).
 *      Or, symmetrically, Dijkstra backwards from T (r(v) = distance from v to T), stopped when S
 *      is settled at D, then π(v) −= min(r(v), D). See "direction" below.
 *   2. A maximum flow on the admissible arcs, so that one Dijkstra serves every shortest path of
 *      this length. We use augmenting-path passes: a DFS from every unmatched mentee over
 *      admissible residual arcs, entering each node at most once per pass, augmenting (one unit)
 *      whenever it reaches a mentor with room; passes repeat until one finds nothing, and that
 *      last pass is a complete search, so T is then unreachable through admissible arcs. The
 *      reverse arcs an augmentation creates have reduced cost 0, so the invariant holds. The
 *      admissible subgraph can contain zero-cost cycles (two mentees who could swap mentors at
 *      equal scores); the visited marks make those harmless.
 *      (A Dinic blocking flow is the textbook choice here. Measured on this problem it needed
 *      about 4× as many phases as these passes, each with a BFS over most of the admissible
 *      subgraph: 2,017 phases and ~14 s vs 485 passes and 0.5 s on a 50,000 × 50,000
 *      unit-capacity instance, and no gain elsewhere.)
 * The next round's D is strictly larger, so the number of rounds is the number of distinct
 * shortest-path lengths (a handful to a few hundred), not the number of matches.
 *
 * Direction: a search from S starts at every unmatched mentee, a search from T at every mentor
 * with room. When capacity is scarce, late rounds have thousands of unmatched mentees that mostly
 * cannot go anywhere cheaply and a handful of free places, and the search from T touches a small
 * part of the network; when capacity is plentiful it is the other way round (measured: 4× either
 * way). Which one wins is hard to predict, so each round runs both, taking turns in slices of
 * work, and uses the one that finishes first. Last round's winner gets slices 3× as big, since the
 * regime rarely flips: a round then costs 4/3 of the better search when the favourite wins and at
 * most 4× when it loses (measured 10–25% less CPU than equal slices). Both searches keep the
 * invariant, so mixing them across rounds is safe. Work is counted, not timed, so the outcome is
 * deterministic.
 *
 * Initial potentials: with no flow the network is a DAG (S → mentees → mentors → T), so shortest
 * distances from S take one pass: π(S) = π(mentee) = 0, π(mentor) = −(its best score),
 * π(T) = min(0, min π(mentor)). Negative costs are fine that way.
 *
 * Determinism: no randomness, no timing, no iteration over hash maps. The potentials after a
 * round do not depend on how the heap breaks ties (nodes at distance D get D either way), and the
 * passes try unmatched mentees in input order and each mentee's arcs in edge input order. So the
 * same input always gives the same result; among several optimal assignments the choice depends
 * on the input order.
 *
 * Data layout: nodes are numbered mentees 0..n−1, mentors n..n+m−1, T = n+m, S = n+m+1. Arcs are
 * a CSR array by mentee, and again by mentor (for the backward search). The reverse arcs of
 * matched pairs (mentor → mentee) are the mentees a mentor currently has, kept in "slots": a
 * mentor's slots only grow (an augmenting path always enters a mentor through a new mentee) or
 * have one mentee replaced by another in place, so they need no deletions. No object per node or
 * arc; all buffers are allocated once.
 */

export type SearchDirection = 'auto' | 'forward' | 'backward';

export interface FlowNetwork {
  menteeCount: number;
  mentorCount: number;
  /** CSR: the arcs of mentee i are arcStart[i] .. arcStart[i+1]. */
  arcStart: Int32Array;
  /** Node id (n + mentor index) of each arc's mentor. */
  arcHead: Int32Array;
  arcScore: Uint8Array;
  /** Per mentor: free capacity, clamped to (number of arcs into it + 1) so it fits an Int32. */
  capacity: Int32Array;
}

export interface FlowSolution {
  /** Per mentee: the arc it is matched along, or −1. */
  matchArc: Int32Array;
  /** Potentials by node id: mentees, mentors, T, S. */
  potential: Float64Array;
  rounds: number;
  passes: number;
  /** Rounds whose shortest paths came from the search that started at S. */
  forwardRounds: number;
}

/** The network and the current flow. */
class State {
  readonly n: number;
  readonly m: number;
  readonly T: number;
  readonly S: number;
  readonly arcStart: Int32Array;
  readonly arcHead: Int32Array;
  readonly arcScore: Uint8Array;
  readonly capacity: Int32Array;
  // the arcs grouped by mentor: arc id, its mentee and score
  readonly revStart: Int32Array;
  readonly revArc: Int32Array;
  readonly revMentee: Int32Array;
  readonly revScore: Uint8Array;

  readonly potential: Float64Array;
  readonly matchArc: Int32Array;
  readonly slotBase: Int32Array;
  readonly slot: Int32Array;
  readonly load: Int32Array;
  /** Unmatched mentees with arcs, in input order (compacted after every pass). */
  sources: Int32Array;
  flow = 0;

  // augmenting passes
  readonly visited: Int32Array; // === pass number: entered in this pass
  readonly cursor: Int32Array; // next arc (mentee) or slot (mentor) to try
  readonly pathNode: Int32Array;
  readonly pathVia: Int32Array;
  pass = 0;

  constructor(net: FlowNetwork) {
    const n = (this.n = net.menteeCount);
    const m = (this.m = net.mentorCount);
    this.T = n + m;
    this.S = n + m + 1;
    const V = n + m + 2;
    const { arcStart, arcHead, arcScore, capacity } = net;
    this.arcStart = arcStart;
    this.arcHead = arcHead;
    this.arcScore = arcScore;
    this.capacity = capacity;
    const arcCount = arcHead.length;

    const revStart = (this.revStart = new Int32Array(m + 1));
    for (let a = 0; a < arcCount; a++) revStart[arcHead[a]! - n + 1]!++;
    for (let j = 0; j < m; j++) revStart[j + 1]! += revStart[j]!;
    const revArc = (this.revArc = new Int32Array(arcCount));
    const revMentee = (this.revMentee = new Int32Array(arcCount));
    const revScore = (this.revScore = new Uint8Array(arcCount));
    const fill = revStart.slice(0, m);
    for (let i = 0; i < n; i++) {
      for (let a = arcStart[i]!; a < arcStart[i + 1]!; a++) {
        const z = fill[arcHead[a]! - n]!++;
        revArc[z] = a;
        revMentee[z] = i;
        revScore[z] = arcScore[a]!;
      }
    }

    // initial potentials: one pass over the DAG
    const potential = (this.potential = new Float64Array(V));
    let potT = 0;
    for (let j = 0; j < m; j++) {
      let best = -1;
      for (let z = revStart[j]!; z < revStart[j + 1]!; z++) if (revScore[z]! > best) best = revScore[z]!;
      const p = best >= 0 ? -best : 0;
      potential[n + j] = p;
      if (p < potT) potT = p;
    }
    potential[this.T] = potT;

    // A mentor never holds more mentees than it has arcs, so that bounds its slots.
    const slotBase = (this.slotBase = new Int32Array(m + 1));
    for (let j = 0; j < m; j++) slotBase[j + 1] = slotBase[j]! + Math.min(capacity[j]!, revStart[j + 1]! - revStart[j]!);
    this.slot = new Int32Array(slotBase[m]!);
    this.load = new Int32Array(m);
    this.matchArc = new Int32Array(n).fill(-1);

    let count = 0;
    for (let i = 0; i < n; i++) if (arcStart[i + 1]! > arcStart[i]!) count++;
    this.sources = new Int32Array(count);
    count = 0;
    for (let i = 0; i < n; i++) if (arcStart[i + 1]! > arcStart[i]!) this.sources[count++] = i;

    this.visited = new Int32Array(V);
    this.cursor = new Int32Array(V);
    this.pathNode = new Int32Array(V + 1);
    this.pathVia = new Int32Array(V + 1);
  }
}

// ------------------------------------------------------------------------------------------------
// 1. Shortest paths: a resumable Dijkstra in either direction, over an indexed binary heap

/** One Dijkstra's buffers (allocated once, reused every round; stamps avoid clearing them). */
class Search {
  readonly dist: Float64Array;
  readonly reached: Int32Array; // === round: dist is set this round
  readonly settled: Int32Array; // === round: dist is final this round
  readonly heap: Int32Array; // node ids; the min of dist at [0]; ties go to the lower node id
  readonly pos: Int32Array; // where each node sits in the heap
  size = 0;
  round = 0;
  /** Distance at which the target was settled; −1 while unknown or if it is unreachable. */
  D = -1;
  done = false;

  constructor(
    readonly forward: boolean,
    V: number,
  ) {
    this.dist = new Float64Array(V);
    this.reached = new Int32Array(V);
    this.settled = new Int32Array(V);
    this.heap = new Int32Array(V);
    this.pos = new Int32Array(V);
  }
}

function siftUp(heap: Int32Array, pos: Int32Array, key: Float64Array, i: number): void {
  const v = heap[i]!;
  const kv = key[v]!;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const u = heap[parent]!;
    const ku = key[u]!;
    if (ku < kv || (ku === kv && u < v)) break;
    heap[i] = u;
    pos[u] = i;
    i = parent;
  }
  heap[i] = v;
  pos[v] = i;
}

function siftDown(heap: Int32Array, pos: Int32Array, key: Float64Array, size: number, i: number): void {
  const v = heap[i]!;
  const kv = key[v]!;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    let c = heap[child]!;
    let kc = key[c]!;
    const right = child + 1;
    if (right < size) {
      const r = heap[right]!;
      const kr = key[r]!;
      if (kr < kc || (kr === kc && r < c)) {
        child = right;
        c = r;
        kc = kr;
      }
    }
    if (kv < kc || (kv === kc && v < c)) break;
    heap[i] = c;
    pos[c] = i;
    i = child;
  }
  heap[i] = v;
  pos[v] = i;
}

/** Relaxation of node v to distance nd. */
function relax(q: Search, v: number, nd: number): void {
  if (q.reached[v] !== q.round) {
    q.reached[v] = q.round;
    q.dist[v] = nd;
    const i = q.size++;
    q.heap[i] = v;
    siftUp(q.heap, q.pos, q.dist, i);
  } else if (nd < q.dist[v]!) {
    // (a settled node never gets here: with reduced costs ≥ 0, nd ≥ its distance)
    q.dist[v] = nd;
    siftUp(q.heap, q.pos, q.dist, q.pos[v]!);
  }
}

/** Starts a round: seeds the heap with the nodes next to the start (S or T). */
function startSearch(st: State, q: Search, round: number): void {
  const { n, m, T, S, potential, capacity, load, sources } = st;
  const { dist, reached, heap, pos } = q;
  q.round = round;
  q.D = -1;
  q.done = false;
  let size = 0;
  if (q.forward) {
    q.settled[S] = round;
    dist[S] = 0;
    const potS = potential[S]!;
    for (let s = 0; s < sources.length; s++) {
      const e = sources[s]!;
      dist[e] = potS - potential[e]!; // reduced cost of S → e
      reached[e] = round;
      heap[size] = e;
      pos[e] = size++;
    }
  } else {
    q.settled[T] = round;
    dist[T] = 0;
    const potT = potential[T]!;
    for (let j = 0; j < m; j++) {
      if (load[j]! < capacity[j]!) {
        const v = n + j;
        dist[v] = potential[v]! - potT; // reduced cost of v → T
        reached[v] = round;
        heap[size] = v;
        pos[v] = size++;
      }
    }
  }
  for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, pos, dist, size, i);
  q.size = size;
}

/**
 * Runs the search until about `budget` arcs have been looked at, or it is done (target settled,
 * or heap empty = target unreachable). Returns whether it is done.
 */
function continueSearch(st: State, q: Search, budget: number): boolean {
  const {
    n,
    T,
    S,
    arcStart,
    arcHead,
    arcScore,
    capacity,
    revStart,
    revArc,
    revMentee,
    revScore,
    potential,
    matchArc,
    slotBase,
    slot,
    load,
  } = st;
  const { dist, heap, pos, settled } = q;
  const round = q.round;
  const target = q.forward ? T : S;
  let work = 0;
  while (q.size > 0 && work < budget) {
    const u = heap[0]!;
    const size = --q.size;
    if (size > 0) {
      const last = heap[size]!;
      heap[0] = last;
      pos[last] = 0;
      siftDown(heap, pos, dist, size, 0);
    }
    settled[u] = round;
    const du = dist[u]!;
    if (u === target) {
      q.D = du;
      q.done = true;
      return true;
    }
    const pu = potential[u]!;
    if (q.forward) {
      if (u < n) {
        // mentee → the mentors it is not matched to (cost −score)
        const skip = matchArc[u]!;
        const end = arcStart[u + 1]!;
        const base = du + pu;
        work += end - arcStart[u]!;
        for (let a = arcStart[u]!; a < end; a++) {
          if (a === skip) continue;
          const v = arcHead[a]!;
          relax(q, v, base - arcScore[a]! - potential[v]!);
        }
      } else {
        // mentor → T if it has room; mentor → its mentees (reverse of their arcs, cost +score)
        const j = u - n;
        const base = du + pu;
        if (load[j]! < capacity[j]!) relax(q, T, base - potential[T]!);
        const end = slotBase[j]! + load[j]!;
        work += load[j]! + 1;
        for (let s = slotBase[j]!; s < end; s++) {
          const v = slot[s]!;
          relax(q, v, base + arcScore[matchArc[v]!]! - potential[v]!);
        }
      }
    } else if (u >= n) {
      // backwards into a mentor: arcs from mentees not matched along them (cost −score)
      const j = u - n;
      const base = du - pu;
      const end = revStart[j + 1]!;
      work += end - revStart[j]!;
      for (let z = revStart[j]!; z < end; z++) {
        const e = revMentee[z]!;
        if (matchArc[e] === revArc[z]) continue;
        relax(q, e, base - revScore[z]! + potential[e]!);
      }
    } else {
      // backwards into a mentee: from S if it is unmatched, else from its mentor (cost +score)
      const a = matchArc[u]!;
      work++;
      if (a < 0) {
        relax(q, S, du + potential[S]! - pu);
      } else {
        const v = arcHead[a]!;
        relax(q, v, du + arcScore[a]! + potential[v]! - pu);
      }
    }
  }
  if (q.size === 0) q.done = true;
  return q.done;
}

/** After a successful search: shift the potentials so that shortest paths become admissible. */
function updatePotentials(st: State, q: Search): void {
  const { potential } = st;
  const { dist, settled, round, D } = q;
  if (q.forward) {
    for (let v = 0; v < potential.length; v++) potential[v]! += settled[v] === round ? dist[v]! : D;
  } else {
    for (let v = 0; v < potential.length; v++) potential[v]! -= settled[v] === round ? dist[v]! : D;
  }
}

// ------------------------------------------------------------------------------------------------
// 2. Augmenting passes over the admissible arcs

/**
 * One pass: an iterative DFS from every unmatched mentee (input order) over admissible residual
 * arcs, entering each node at most once, augmenting one unit whenever it reaches a mentor with
 * room whose arc to T is admissible. Returns the number of augmentations.
 */
function augmentingPass(st: State): number {
  const {
    n,
    T,
    S,
    arcStart,
    arcHead,
    arcScore,
    capacity,
    potential,
    matchArc,
    slotBase,
    slot,
    load,
    sources,
    visited,
    cursor,
    pathNode,
    pathVia,
  } = st;
  const stamp = ++st.pass;
  const potS = potential[S]!;
  const potT = potential[T]!;
  let augmented = 0;
  for (let s = 0; s < sources.length; s++) {
    const source = sources[s]!;
    if (potential[source] !== potS) continue; // S → source not admissible
    visited[source] = stamp;
    cursor[source] = arcStart[source]!;
    pathNode[0] = source;
    let depth = 0;
    while (depth >= 0) {
      const u = pathNode[depth]!;
      const pu = potential[u]!;
      let next = -1;
      if (u < n) {
        const skip = matchArc[u]!;
        const end = arcStart[u + 1]!;
        let a = cursor[u]!;
        for (; a < end; a++) {
          const v = arcHead[a]!;
          if (a === skip || pu - arcScore[a]! - potential[v]! !== 0) continue;
          // A mentor with room ends the path even if visited: it cannot be on the current path
          // (it would have ended it then) and capacity only changes when a path is applied.
          const j = v - n;
          if (load[j]! < capacity[j]! && potential[v] === potT) {
            pathVia[depth] = a;
            pathNode[++depth] = v;
            // Apply: mentee pathNode[d] moves to mentor pathNode[d+1] along arc pathVia[d],
            // into the slot of the mentee that leaves that mentor (pathVia[d+1]), or into a new
            // slot at the last mentor.
            for (let d = 0; d < depth; d += 2) {
              const e = pathNode[d]!;
              const mj = pathNode[d + 1]! - n;
              if (d + 1 < depth) {
                slot[slotBase[mj]! + pathVia[d + 1]!] = e;
              } else {
                slot[slotBase[mj]! + load[mj]!] = e;
                load[mj]!++;
              }
              matchArc[e] = pathVia[d]!;
            }
            augmented++;
            depth = -1;
            break;
          }
          if (visited[v] !== stamp) {
            next = v;
            break;
          }
        }
        if (depth < 0) break;
        cursor[u] = a + 1;
        if (next >= 0) {
          pathVia[depth] = a;
          cursor[next] = 0;
        }
      } else {
        // mentor without room: on to one of its mentees, through the reverse of its arc
        const j = u - n;
        const count = load[j]!;
        const base = slotBase[j]!;
        let c = cursor[u]!;
        for (; c < count; c++) {
          const v = slot[base + c]!;
          if (visited[v] !== stamp && arcScore[matchArc[v]!]! + pu - potential[v]! === 0) {
            next = v;
            break;
          }
        }
        cursor[u] = c + 1;
        if (next >= 0) {
          pathVia[depth] = c;
          cursor[next] = arcStart[next]!;
        }
      }
      if (next < 0) {
        depth--; // dead end: back up; it stays visited, so nobody enters it again this pass
      } else {
        visited[next] = stamp;
        pathNode[++depth] = next;
      }
    }
  }
  st.flow += augmented;
  if (augmented > 0) {
    let kept = 0;
    for (let s = 0; s < sources.length; s++) {
      const e = sources[s]!;
      if (matchArc[e]! < 0) sources[kept++] = e;
    }
    st.sources = sources.subarray(0, kept);
  }
  return augmented;
}

// ------------------------------------------------------------------------------------------------

/** Work per slice when the two searches take turns: small enough to stop early, big enough to be cheap. */
const SLICE = 4096;
/** How many times bigger the slices of last round's winner are. */
const FAVOUR = 3;

export function solveMinCostMaxFlow(net: FlowNetwork, direction: SearchDirection = 'auto'): FlowSolution {
  const st = new State(net);
  const V = st.n + st.m + 2;
  const forward = direction === 'backward' ? null : new Search(true, V);
  const backward = direction === 'forward' ? null : new Search(false, V);
  // An upper bound on the flow; reaching it saves the last, fruitless search.
  const possible = Math.min(st.sources.length, st.slotBase[st.m]!);
  let rounds = 0;
  let forwardRounds = 0;
  let passes = 0;
  let lastForward = false;
  while (st.flow < possible) {
    const round = rounds + 1;
    if (forward) startSearch(st, forward, round);
    if (backward) startSearch(st, backward, round);
    // The side that won the last round usually wins again, so it gets the bigger slices.
    const forwardSlice = !backward ? Infinity : lastForward ? SLICE * FAVOUR : SLICE;
    const backwardSlice = !forward ? Infinity : lastForward ? SLICE : SLICE * FAVOUR;
    let winner: Search;
    for (;;) {
      if (forward && continueSearch(st, forward, forwardSlice)) {
        winner = forward;
        break;
      }
      if (backward && continueSearch(st, backward, backwardSlice)) {
        winner = backward;
        break;
      }
    }
    lastForward = winner.forward;
    // Target unreachable: the flow is maximum. The current potentials are still valid for it
    // (augmenting only added zero-reduced-cost arcs), so leave them as they are.
    if (winner.D < 0) break;
    updatePotentials(st, winner);
    rounds = round;
    if (winner.forward) forwardRounds++;
    while (st.flow < possible) {
      passes++;
      if (augmentingPass(st) === 0) break;
    }
  }
  // A mentee without arcs is never a source, so the rounds shifted its potential like that of any
  // unreached node; its one arc, S → it (unused), needs π(it) ≤ π(S) for reduced cost ≥ 0.
  for (let i = 0; i < st.n; i++) if (net.arcStart[i + 1] === net.arcStart[i]) st.potential[i] = st.potential[st.S]!;
  return { matchArc: st.matchArc, potential: st.potential, rounds, passes, forwardRounds };
}

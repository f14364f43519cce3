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
 * This is the same as weighting every match with a bonus BIG and solving an ordinary min-cost
 * flow with costs −(BIG + score), with BIG taken large enough — but note how large: comparing a
 * solution with k + 1 matches and score 0 against one with k matches and score 100k, one more
 * match only wins if BIG > 100k. BIG = 101 is NOT enough once augmenting paths reroute several
 * mentees (test "one more match beats any score gain" builds that case); BIG must exceed
 * 100 · min(#mentees, total capacity). Running to maximum flow needs no BIG at all and keeps every
 * number small (potentials stay within ±100 · path length), so that is what we do.
 *
 * Algorithm (primal–dual): node potentials π keep every residual arc's reduced cost
 * c(u,v) + π(u) − π(v) ≥ 0, so each round can run Dijkstra. A round:
 *   1. Dijkstra from S over reduced costs, stopped as soon as T is settled (distance dT).
 *   2. π(v) += min(dist(v), dT) — nodes not settled get dT. This keeps reduced costs ≥ 0 (for an
 *      arc from a settled u to an unsettled v, dist(u) + c'(u,v) ≥ dT because v was not settled
 *      before T) and makes every arc on a shortest S–T path "admissible" (reduced cost 0). Every
 *      admissible S–T path is then a shortest path, because the reduced length of any S–T path is
 *      its real length + π(S) − π(T).
 *   3. A maximum flow on the admissible arcs (Dinic: BFS levels + blocking flow with current-arc
 *      pointers, repeated until T is unreachable through admissible arcs). This augments along all
 *      shortest paths of this length at once; the reverse arcs it creates have reduced cost 0, so
 *      the invariant holds. The admissible subgraph may contain zero-cost cycles (two mentees who
 *      could swap mentors at equal score), which is why the levels are needed.
 * The next round's dT is strictly larger, so the number of rounds is the number of distinct
 * shortest-path lengths (tens to low hundreds), not the number of matches.
 *
 * Initial potentials: the network starts as a DAG (S → mentees → mentors → T) with no flow, so
 * shortest distances are one pass: π(S) = π(mentee) = 0, π(mentor) = −(its best score),
 * π(T) = min(0, min π(mentor)). Negative costs are fine that way. π(S) stays 0 forever because
 * dist(S) = 0 in every round.
 *
 * Determinism: no randomness and no iteration over hash maps. Ties are broken by index (input
 * order): the heap prefers the lower node index among equal distances, sources are tried in
 * mentee input order, and each mentee's arcs in edge input order. So the same input always gives
 * the same result; among several optimal assignments the choice depends on the input order.
 *
 * Data layout: nodes are numbered mentees 0..n−1, mentors n..n+m−1, T = n+m (S is implicit).
 * Forward arcs are a CSR array per mentee. Reverse (mentor → mentee) arcs are the mentees a mentor
 * currently has, kept in "slots": a mentor's slots only ever grow (an augmenting path always
 * enters a mentor through a new mentee) or have one mentee replaced by another in place, so the
 * slot array needs no deletions and current-arc pointers into it stay valid.
 */

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
  /** Potentials by node id (mentees, mentors, then T); π(S) = 0. */
  potential: Float64Array;
  rounds: number;
  phases: number;
}

// Indexed binary min-heap over node ids, keyed by `key[node]`; ties go to the lower node id.
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

export function solveMinCostMaxFlow(net: FlowNetwork): FlowSolution {
  const n = net.menteeCount;
  const m = net.mentorCount;
  const { arcStart, arcHead, arcScore, capacity } = net;
  const T = n + m;
  const V = T + 1;

  // --- initial potentials (one pass over the DAG) and per-mentor slot storage
  const potential = new Float64Array(V);
  const bestScore = new Int32Array(m).fill(-1);
  const inDegree = new Int32Array(m);
  for (let a = 0; a < arcHead.length; a++) {
    const j = arcHead[a]! - n;
    inDegree[j]!++;
    if (arcScore[a]! > bestScore[j]!) bestScore[j] = arcScore[a]!;
  }
  let potT = 0;
  for (let j = 0; j < m; j++) {
    const p = bestScore[j]! >= 0 ? -bestScore[j]! : 0;
    potential[n + j] = p;
    if (p < potT) potT = p;
  }
  potential[T] = potT;

  // A mentor never holds more mentees than it has arcs, so that bounds its slots.
  const slotBase = new Int32Array(m + 1);
  let possible = 0; // an upper bound on the flow, to skip the last (fruitless) Dijkstra
  for (let j = 0; j < m; j++) {
    const slots = Math.min(capacity[j]!, inDegree[j]!);
    slotBase[j + 1] = slotBase[j]! + slots;
  }
  possible = slotBase[m]!;
  const slot = new Int32Array(slotBase[m]!);
  const load = new Int32Array(m);

  const matchArc = new Int32Array(n).fill(-1);
  let sourceCount = 0;
  for (let i = 0; i < n; i++) if (arcStart[i + 1]! > arcStart[i]!) sourceCount++;
  // Mentees with arcs, in input order; compacted to the unmatched ones as they get matched.
  let sources = new Int32Array(sourceCount);
  sourceCount = 0;
  for (let i = 0; i < n; i++) if (arcStart[i + 1]! > arcStart[i]!) sources[sourceCount++] = i;
  possible = Math.min(possible, sourceCount);

  // --- work buffers, allocated once
  const dist = new Float64Array(V);
  const reached = new Int32Array(V); // === round: dist is set this round
  const settled = new Int32Array(V); // === round: dist is final this round
  const heap = new Int32Array(V);
  const pos = new Int32Array(V);
  const level = new Int32Array(V);
  const queue = new Int32Array(V);
  const cursor = new Int32Array(V); // Dinic current arc: arc index (mentee) or 0 = T, s ≥ 1 = slot s−1 (mentor)
  const pathNode = new Int32Array(V + 1);
  const pathVia = new Int32Array(V + 1);

  let flow = 0;
  let rounds = 0;
  let phases = 0;

  while (flow < possible) {
    // ---------------------------------------------------------------- 1. Dijkstra
    const round = rounds + 1;
    let size = 0;
    for (let s = 0; s < sources.length; s++) {
      const e = sources[s]!;
      dist[e] = -potential[e]!; // reduced cost of S → e, with π(S) = 0
      reached[e] = round;
      heap[size] = e;
      pos[e] = size++;
    }
    for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(heap, pos, dist, size, i);

    let dT = -1;
    while (size > 0) {
      const u = heap[0]!;
      size--;
      if (size > 0) {
        const last = heap[size]!;
        heap[0] = last;
        pos[last] = 0;
        siftDown(heap, pos, dist, size, 0);
      }
      settled[u] = round;
      const du = dist[u]!;
      if (u === T) {
        dT = du;
        break;
      }
      if (u < n) {
        // mentee → mentors it is not matched to; settled mentors cannot improve (reduced costs ≥ 0)
        const base = du + potential[u]!;
        const skip = matchArc[u]!;
        const end = arcStart[u + 1]!;
        for (let a = arcStart[u]!; a < end; a++) {
          if (a === skip) continue;
          const v = arcHead[a]!;
          const nd = base - arcScore[a]! - potential[v]!;
          if (reached[v] !== round) {
            reached[v] = round;
            dist[v] = nd;
            heap[size] = v;
            pos[v] = size;
            siftUp(heap, pos, dist, size++);
          } else if (nd < dist[v]!) {
            dist[v] = nd;
            siftUp(heap, pos, dist, pos[v]!);
          }
        }
      } else {
        const j = u - n;
        const base = du + potential[u]!;
        if (load[j]! < capacity[j]!) {
          const nd = base - potential[T]!;
          if (reached[T] !== round) {
            reached[T] = round;
            dist[T] = nd;
            heap[size] = T;
            pos[T] = size;
            siftUp(heap, pos, dist, size++);
          } else if (nd < dist[T]!) {
            dist[T] = nd;
            siftUp(heap, pos, dist, pos[T]!);
          }
        }
        // mentor → its current mentees (reverse arcs, cost +score)
        const end = slotBase[j]! + load[j]!;
        for (let s = slotBase[j]!; s < end; s++) {
          const v = slot[s]!;
          const nd = base + arcScore[matchArc[v]!]! - potential[v]!;
          if (reached[v] !== round) {
            reached[v] = round;
            dist[v] = nd;
            heap[size] = v;
            pos[v] = size;
            siftUp(heap, pos, dist, size++);
          } else if (nd < dist[v]!) {
            dist[v] = nd;
            siftUp(heap, pos, dist, pos[v]!);
          }
        }
      }
    }
    // T unreachable: the flow is maximum. The potentials of the previous round are still valid
    // for this flow (augmenting only added zero-reduced-cost arcs), so keep them as they are.
    if (dT < 0) break;
    rounds = round;

    // ---------------------------------------------------------------- 2. potentials
    for (let v = 0; v < V; v++) {
      potential[v]! += settled[v] === round ? dist[v]! : dT;
    }

    // ---------------------------------------------------------------- 3. max flow on admissible arcs
    for (;;) {
      // BFS levels from S. We stop the moment T gets a level: every node on a shorter level is
      // labelled by then, and nodes at T's level or beyond cannot be on a level path to T.
      level.fill(-1);
      let head = 0;
      let tail = 0;
      for (let s = 0; s < sources.length; s++) {
        const e = sources[s]!;
        if (potential[e] === 0) {
          level[e] = 1;
          queue[tail++] = e;
        }
      }
      let levelT = -1;
      bfs: while (head < tail) {
        const u = queue[head++]!;
        const next = level[u]! + 1;
        if (u < n) {
          const pu = potential[u]!;
          const skip = matchArc[u]!;
          const end = arcStart[u + 1]!;
          for (let a = arcStart[u]!; a < end; a++) {
            const v = arcHead[a]!;
            if (a === skip || level[v] !== -1) continue;
            if (pu - arcScore[a]! - potential[v]! === 0) {
              level[v] = next;
              queue[tail++] = v;
            }
          }
        } else {
          const j = u - n;
          const pu = potential[u]!;
          if (load[j]! < capacity[j]! && pu === potential[T]) {
            levelT = next;
            break bfs;
          }
          const end = slotBase[j]! + load[j]!;
          for (let s = slotBase[j]!; s < end; s++) {
            const v = slot[s]!;
            if (level[v] !== -1) continue;
            if (arcScore[matchArc[v]!]! + pu - potential[v]! === 0) {
              level[v] = next;
              queue[tail++] = v;
            }
          }
        }
      }
      if (levelT < 0) break;
      phases++;

      // Blocking flow: an iterative DFS from each source, one unit per path (S → mentee has
      // capacity 1). Dead ends get level −1 so nobody enters them again this phase.
      for (let i = 0; i < n; i++) cursor[i] = arcStart[i]!;
      cursor.fill(0, n, T);
      for (let s = 0; s < sources.length; s++) {
        const source = sources[s]!;
        if (level[source] !== 1) continue;
        let depth = 0;
        pathNode[0] = source;
        while (depth >= 0) {
          const u = pathNode[depth]!;
          const next = level[u]! + 1;
          if (u < n) {
            const pu = potential[u]!;
            const skip = matchArc[u]!;
            const end = arcStart[u + 1]!;
            let a = cursor[u]!;
            let found = -1;
            for (; a < end; a++) {
              if (a === skip) continue;
              const v = arcHead[a]!;
              if (level[v] === next && pu - arcScore[a]! - potential[v]! === 0) {
                found = v;
                break;
              }
            }
            cursor[u] = a;
            if (found < 0) {
              level[u] = -1;
              depth--;
            } else {
              pathVia[depth] = a;
              pathNode[++depth] = found;
            }
          } else {
            const j = u - n;
            const pu = potential[u]!;
            let c = cursor[u]!;
            if (c === 0) {
              if (next === levelT && load[j]! < capacity[j]! && pu === potential[T]) {
                // Reached T: apply the path. Mentee pathNode[d] moves to mentor pathNode[d+1]
                // along arc pathVia[d], taking the slot of the mentee that leaves that mentor
                // (pathVia[d+1]), or a new slot at the last mentor.
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
                flow++;
                break;
              }
              c = 1;
            }
            let found = -1;
            if (next < levelT) {
              const count = load[j]!;
              const base = slotBase[j]! - 1;
              for (; c <= count; c++) {
                const v = slot[base + c]!;
                if (level[v] === next && arcScore[matchArc[v]!]! + pu - potential[v]! === 0) {
                  found = v;
                  break;
                }
              }
            }
            cursor[u] = c;
            if (found < 0) {
              level[u] = -1;
              depth--;
            } else {
              pathVia[depth] = c - 1;
              pathNode[++depth] = found;
            }
          }
        }
      }
      // keep only the unmatched sources for the next searches
      let kept = 0;
      for (let s = 0; s < sources.length; s++) {
        const e = sources[s]!;
        if (matchArc[e]! < 0) sources[kept++] = e;
      }
      sources = sources.subarray(0, kept);
      if (flow >= possible) break;
    }
  }

  // A mentee without arcs is never a source, so the rounds pushed its potential along with the
  // unreached nodes; its only arc is S → it (unused), which needs π ≤ 0 to have reduced cost ≥ 0.
  for (let i = 0; i < n; i++) if (arcStart[i + 1] === arcStart[i]) potential[i] = 0;

  return { matchArc, potential, rounds, phases };
}

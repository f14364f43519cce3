/**
 * Seeded random instances for tests and the benchmark. Same seed → same instance, on every
 * machine (mulberry32 uses only 32-bit integer arithmetic).
 */
import type { MatchingEdgeTriple, MatchingMentee, MatchingMentor } from './instance';

/** mulberry32: a small, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Integer in [lo, hi]. */
export function randomInt(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}

export interface RandomInstanceOptions {
  mentees: number;
  mentors: number;
  /** Average number of compatible mentors per mentee; each mentee gets degree ± 50%. */
  degree: number;
  minCapacity?: number;
  maxCapacity?: number;
  seed: number;
}

/**
 * Each mentee is compatible with a uniformly random subset of mentors (sampled without repeats),
 * scores uniform 0–100. Edges are triples, sharing the id strings, to keep big instances small.
 */
export function randomInstance(o: RandomInstanceOptions): {
  mentors: MatchingMentor[];
  mentees: MatchingMentee[];
  edges: MatchingEdgeTriple[];
} {
  const random = mulberry32(o.seed);
  const mentorIds = Array.from({ length: o.mentors }, (_, j) => `m${j + 1}`);
  const menteeIds = Array.from({ length: o.mentees }, (_, i) => `e${i + 1}`);
  const mentors = mentorIds.map((id) => ({ id, capacity: randomInt(random, o.minCapacity ?? 1, o.maxCapacity ?? 5) }));
  const edges: MatchingEdgeTriple[] = [];
  // Partial Fisher–Yates over a reusable permutation: k distinct mentors in O(k).
  const perm = Int32Array.from({ length: o.mentors }, (_, j) => j);
  for (let i = 0; i < o.mentees; i++) {
    const lo = Math.max(0, Math.round(o.degree * 0.5));
    const hi = Math.min(o.mentors, Math.round(o.degree * 1.5));
    const k = randomInt(random, lo, hi);
    for (let t = 0; t < k; t++) {
      const r = randomInt(random, t, o.mentors - 1);
      const j = perm[r]!;
      perm[r] = perm[t]!;
      perm[t] = j;
      edges.push([menteeIds[i]!, mentorIds[j]!, randomInt(random, 0, 100)]);
    }
  }
  return { mentors, mentees: menteeIds.map((id) => ({ id })), edges };
}

/**
 * Input side of the matching engine: the public instance types, validation, and the compact
 * typed-array form the solvers work on.
 *
 * Pure module: no database, no framework. Used by the engine, the `scripts/match.ts` command and
 * the benchmark.
 */

export interface MatchingMentor {
  id: string;
  /**
   * How many more mentees this mentor can take, an integer ≥ 0. Active matches that already exist
   * outside this run use up capacity: the caller subtracts them before calling the engine (the
   * engine only knows about the mentees it is given).
   */
  capacity: number;
}

export interface MatchingMentee {
  id: string;
}

/** A compatible pair and its score (integer 0–100), as produced by the scoring layer. */
export interface MatchingEdge {
  mentee: string;
  mentor: string;
  score: number;
}

/** Compact form for big files: `["e1", "m1", 73]`. */
export type MatchingEdgeTriple = readonly [mentee: string, mentor: string, score: number];

/** A pair that must be in the result (it uses up one unit of the mentor's capacity). */
interface MatchingPin {
  mentee: string;
  mentor: string;
}

type MatchingPinPair = readonly [mentee: string, mentor: string];

export interface MatchingInstance {
  mentors: readonly MatchingMentor[];
  mentees: readonly MatchingMentee[];
  edges: readonly (MatchingEdge | MatchingEdgeTriple)[];
  pinned?: readonly (MatchingPin | MatchingPinPair)[];
}

/** Invalid input. The message names the offending item, e.g. `edges[17]: unknown mentor "m9"`. */
export class MatchingInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MatchingInputError';
  }
}

/**
 * A validated instance in typed arrays (no object per edge), so that millions of edges cost tens
 * of megabytes rather than hundreds. Mentees, mentors and edges are numbered in input order.
 * Build it with `parseInstance`; the constructor does not validate.
 */
export class PreparedInstance {
  constructor(
    readonly menteeIds: readonly string[],
    readonly mentorIds: readonly string[],
    /** Per mentor, as given (may exceed 2^31). */
    readonly capacity: Float64Array,
    readonly edgeMentee: Int32Array,
    readonly edgeMentor: Int32Array,
    readonly edgeScore: Uint8Array,
    /**
     * Edges grouped by mentee (CSR): the edges of mentee i are `menteeEdges[menteeStart[i] ..
     * menteeStart[i + 1])`, each group in input order. Built once here because the duplicate-edge
     * check needs it anyway.
     */
    readonly menteeStart: Int32Array,
    readonly menteeEdges: Int32Array,
    /** Per pin (input order): the edge it fixes. At most one pin per mentee, within capacity. */
    readonly pinEdge: Int32Array,
  ) {}

  get edgeCount() {
    return this.edgeScore.length;
  }
}

const MAX_ITEMS = 0x7fff_ffff; // indices live in Int32Arrays

function fail(message: string): never {
  throw new MatchingInputError(message);
}

/** A short, safe rendering of a bad value for an error message. */
function show(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readArray(container: Record<string, unknown>, key: string, optional: boolean): readonly unknown[] | undefined {
  const value = container[key];
  if (value === undefined && optional) return undefined;
  if (!Array.isArray(value)) fail(`${key}: expected an array, got ${show(value)}`);
  if (value.length > MAX_ITEMS) fail(`${key}: too many items (${value.length})`);
  return value;
}

function readIds(list: readonly unknown[], name: 'mentors' | 'mentees', index: Map<string, number>): string[] {
  const ids: string[] = new Array<string>(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (!isRecord(item)) fail(`${name}[${i}]: expected an object with an "id", got ${show(item)}`);
    const id = item.id;
    if (typeof id !== 'string') fail(`${name}[${i}].id: expected a string, got ${show(id)}`);
    const seen = index.get(id);
    if (seen !== undefined) fail(`${name}[${i}]: duplicate id ${show(id)} (also ${name}[${seen}])`);
    index.set(id, i);
    ids[i] = id;
  }
  return ids;
}

/**
 * Validates an instance (parsed JSON or a `MatchingInstance` built in code) and converts it to the
 * compact form. Throws `MatchingInputError` naming the first offending item: wrong types, duplicate
 * mentor or mentee ids, capacities that are not integers ≥ 0, scores that are not integers 0–100,
 * edges or pins with unknown ids, duplicate edges, and pins without an edge, pinning a mentee
 * twice, or over a mentor's capacity. Unknown extra fields are ignored. Mentor and mentee ids are
 * separate namespaces.
 */
export function parseInstance(json: unknown): PreparedInstance {
  if (json instanceof PreparedInstance) return json;
  if (!isRecord(json)) fail(`input: expected a JSON object with "mentors", "mentees" and "edges", got ${show(json)}`);

  const mentorList = readArray(json, 'mentors', false)!;
  const menteeList = readArray(json, 'mentees', false)!;
  const edgeList = readArray(json, 'edges', false)!;
  const pinList = readArray(json, 'pinned', true);

  const header = readPeople(mentorList, menteeList);
  const { mentorIndex, menteeIndex } = header;

  const edgeCount = edgeList.length;
  const edgeMentee = new Int32Array(edgeCount);
  const edgeMentor = new Int32Array(edgeCount);
  const edgeScore = new Uint8Array(edgeCount);
  for (let i = 0; i < edgeCount; i++) {
    const item = edgeList[i];
    let mentee: unknown;
    let mentor: unknown;
    let score: unknown;
    if (Array.isArray(item)) {
      if (item.length !== 3) fail(`edges[${i}]: expected [mentee, mentor, score], got ${show(item)}`);
      mentee = item[0];
      mentor = item[1];
      score = item[2];
    } else if (isRecord(item)) {
      mentee = item.mentee;
      mentor = item.mentor;
      score = item.score;
    } else {
      fail(`edges[${i}]: expected { "mentee", "mentor", "score" } or [mentee, mentor, score], got ${show(item)}`);
    }
    if (typeof mentee !== 'string') fail(`edges[${i}]: mentee must be a string id, got ${show(mentee)}`);
    if (typeof mentor !== 'string') fail(`edges[${i}]: mentor must be a string id, got ${show(mentor)}`);
    const e = menteeIndex.get(mentee);
    if (e === undefined) fail(`edges[${i}]: unknown mentee ${show(mentee)}`);
    const m = mentorIndex.get(mentor);
    if (m === undefined) fail(`edges[${i}]: unknown mentor ${show(mentor)}`);
    if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > 100) {
      fail(`edges[${i}]: score must be an integer 0–100, got ${show(score)}`);
    }
    edgeMentee[i] = e;
    edgeMentor[i] = m;
    edgeScore[i] = score;
  }

  return finishInstance(header, edgeMentee, edgeMentor, edgeScore, pinList);
}

/** Mentors and mentees, validated, with id → index maps. (Shared with ./read-json.ts.) */
export interface People {
  mentorIds: string[];
  mentorIndex: Map<string, number>;
  capacity: Float64Array;
  menteeIds: string[];
  menteeIndex: Map<string, number>;
}

export function readPeople(mentorList: readonly unknown[], menteeList: readonly unknown[]): People {
  const mentorIndex = new Map<string, number>();
  const mentorIds = readIds(mentorList, 'mentors', mentorIndex);
  const capacity = new Float64Array(mentorIds.length);
  for (let i = 0; i < mentorIds.length; i++) {
    const c = (mentorList[i] as Record<string, unknown>).capacity;
    if (typeof c !== 'number' || !Number.isSafeInteger(c) || c < 0) {
      fail(`mentors[${i}].capacity: expected an integer ≥ 0, got ${show(c)}`);
    }
    capacity[i] = c;
  }
  const menteeIndex = new Map<string, number>();
  const menteeIds = readIds(menteeList, 'mentees', menteeIndex);
  return { mentorIds, mentorIndex, capacity, menteeIds, menteeIndex };
}

/**
 * The checks that need all edges (duplicates) and the pins, then the prepared instance. The edge
 * arrays must already hold valid indices and scores. (Shared with ./read-json.ts.)
 */
export function finishInstance(
  people: People,
  edgeMentee: Int32Array,
  edgeMentor: Int32Array,
  edgeScore: Uint8Array,
  pinList: readonly unknown[] | undefined,
): PreparedInstance {
  const { menteeIds, mentorIds, menteeIndex, mentorIndex, capacity } = people;
  const { start: menteeStart, order: menteeEdges } = groupBy(edgeMentee, menteeIds.length);
  checkDuplicateEdges(menteeStart, menteeEdges, edgeMentor, mentorIds.length, (i, first) => {
    fail(
      `edges[${i}]: duplicate edge for mentee ${show(menteeIds[edgeMentee[i]!])} and mentor ${show(mentorIds[edgeMentor[i]!])} (also edges[${first}])`,
    );
  });

  const pinEdge = new Int32Array(pinList?.length ?? 0);
  if (pinList) {
    const pinOfMentee = new Int32Array(menteeIds.length).fill(-1);
    const pinsOfMentor = new Float64Array(mentorIds.length);
    for (let i = 0; i < pinList.length; i++) {
      const item = pinList[i];
      let mentee: unknown;
      let mentor: unknown;
      if (Array.isArray(item)) {
        if (item.length !== 2) fail(`pinned[${i}]: expected [mentee, mentor], got ${show(item)}`);
        mentee = item[0];
        mentor = item[1];
      } else if (isRecord(item)) {
        mentee = item.mentee;
        mentor = item.mentor;
      } else {
        fail(`pinned[${i}]: expected { "mentee", "mentor" } or [mentee, mentor], got ${show(item)}`);
      }
      if (typeof mentee !== 'string') fail(`pinned[${i}]: mentee must be a string id, got ${show(mentee)}`);
      if (typeof mentor !== 'string') fail(`pinned[${i}]: mentor must be a string id, got ${show(mentor)}`);
      const e = menteeIndex.get(mentee);
      if (e === undefined) fail(`pinned[${i}]: unknown mentee ${show(mentee)}`);
      const m = mentorIndex.get(mentor);
      if (m === undefined) fail(`pinned[${i}]: unknown mentor ${show(mentor)}`);
      if (pinOfMentee[e] !== -1) fail(`pinned[${i}]: mentee ${show(mentee)} is already pinned (pinned[${pinOfMentee[e]}])`);
      let edge = -1;
      for (let k = menteeStart[e]!; k < menteeStart[e + 1]!; k++) {
        if (edgeMentor[menteeEdges[k]!] === m) {
          edge = menteeEdges[k]!;
          break;
        }
      }
      if (edge < 0) fail(`pinned[${i}]: there is no edge between mentee ${show(mentee)} and mentor ${show(mentor)}`);
      const used = pinsOfMentor[m]! + 1;
      if (used > capacity[m]!) fail(`pinned[${i}]: more pins than capacity for mentor ${show(mentor)} (capacity ${capacity[m]})`);
      pinsOfMentor[m] = used;
      pinOfMentee[e] = i;
      pinEdge[i] = edge;
    }
  }

  return new PreparedInstance(menteeIds, mentorIds, capacity, edgeMentee, edgeMentor, edgeScore, menteeStart, menteeEdges, pinEdge);
}

/**
 * Stable counting sort of item indices by key: items with key k are `order[start[k] ..
 * start[k + 1])`, in their original order. O(items + keys), no comparisons.
 */
function groupBy(keys: Int32Array, keyCount: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, keyCount);
  const order = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) order[next[keys[i]!]!++] = i;
  return { start, order };
}

/**
 * Finds the duplicate edge with the lowest input index (reporting the earliest problem makes the
 * message stable). One pass over the mentee groups with a "last seen by mentee" stamp per mentor,
 * instead of a hash set of pairs: O(edges) and no allocation per edge.
 */
function checkDuplicateEdges(
  menteeStart: Int32Array,
  menteeEdges: Int32Array,
  edgeMentor: Int32Array,
  mentorCount: number,
  report: (edge: number, firstEdge: number) => never,
) {
  const stamp = new Int32Array(mentorCount).fill(-1);
  const firstEdgeOf = new Int32Array(mentorCount);
  let worst = -1;
  let worstFirst = -1;
  for (let e = 0; e + 1 < menteeStart.length; e++) {
    for (let k = menteeStart[e]!; k < menteeStart[e + 1]!; k++) {
      const edge = menteeEdges[k]!;
      const m = edgeMentor[edge]!;
      if (stamp[m] === e) {
        if (worst < 0 || edge < worst) {
          worst = edge;
          worstFirst = firstEdgeOf[m]!;
        }
      } else {
        stamp[m] = e;
        firstEdgeOf[m] = edge;
      }
    }
  }
  if (worst >= 0) report(worst, worstFirst);
}

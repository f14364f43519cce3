/**
 * Reading an instance file (JSON bytes) into the compact form, fast.
 *
 * JSON.parse of a 5-million-edge file builds 5 million small arrays (~650 MB) only for
 * parseInstance to copy them into typed arrays; parsing then costs more than solving. So the
 * common big case — edges as `["mentee", "mentor", score]` triples — has a fast path: a byte
 * scanner that reads the edges straight into typed arrays, finding ids through a hash table over
 * their UTF-8 bytes (no string per edge). Mentors, mentees, pins and any other fields are small
 * and go through JSON.parse and the same validation as always.
 *
 * The fast path only accepts what it fully understands: plain triples, ids without escape
 * sequences, scores written as plain integers 0–100, known ids. On anything else — edges as
 * objects, `73.0`, an unknown id, malformed JSON, a duplicate edge — it steps aside and the
 * input goes through JSON.parse + parseInstance, which then also produce the error message. So
 * both paths accept exactly the same inputs, give the same result, and fail with the same words.
 */
import { finishInstance, parseInstance, readPeople, type PreparedInstance } from './instance';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const COMMA = 0x2c;
const COLON = 0x3a;
const ZERO = 0x30;
const NINE = 0x39;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

const decoder = new TextDecoder();

function skipWhitespace(b: Uint8Array, p: number, end: number): number {
  while (p < end) {
    const c = b[p]!;
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    p++;
  }
  return p;
}

/** From an opening quote: the index after the closing quote, or −1. */
function skipString(b: Uint8Array, p: number, end: number): number {
  for (p++; p < end; p++) {
    const c = b[p]!;
    if (c === QUOTE) return p + 1;
    if (c === BACKSLASH) p++;
    else if (c < 0x20) return -1;
  }
  return -1;
}

/**
 * The end of the JSON value starting at p, or −1. Only finds the boundaries (strings, nesting);
 * whatever is between them is checked later, by JSON.parse or by the strict edge reader.
 */
function skipValue(b: Uint8Array, p: number, end: number): number {
  const c = b[p];
  if (c === QUOTE) return skipString(b, p, end);
  if (c === OPEN_BRACKET || c === OPEN_BRACE) {
    let depth = 0;
    while (p < end) {
      const d = b[p]!;
      if (d === QUOTE) {
        p = skipString(b, p, end);
        if (p < 0) return -1;
        continue;
      }
      if (d === OPEN_BRACKET || d === OPEN_BRACE) depth++;
      else if (d === CLOSE_BRACKET || d === CLOSE_BRACE) depth--;
      p++;
      if (depth === 0) return p;
    }
    return -1;
  }
  const start = p;
  while (p < end) {
    const d = b[p]!;
    // letters, digits, + - . : the characters of literals and numbers
    if (!((d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a) || (d >= ZERO && d <= NINE) || d === 0x2b || d === 0x2d || d === 0x2e))
      break;
    p++;
  }
  return p > start ? p : -1;
}

/** Open-addressing hash table from an id's UTF-8 bytes to its index. */
class IdTable {
  private readonly bytes: Uint8Array;
  private readonly start: Int32Array;
  private readonly slots: Int32Array; // index + 1, 0 = empty
  private readonly mask: number;

  constructor(ids: readonly string[]) {
    const encoder = new TextEncoder();
    const encoded = ids.map((id) => encoder.encode(id));
    this.start = new Int32Array(ids.length + 1);
    for (let i = 0; i < ids.length; i++) this.start[i + 1] = this.start[i]! + encoded[i]!.length;
    this.bytes = new Uint8Array(this.start[ids.length]!);
    for (let i = 0; i < ids.length; i++) this.bytes.set(encoded[i]!, this.start[i]!);
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let i = 0; i < ids.length; i++) {
      let h = FNV_OFFSET;
      for (let k = this.start[i]!; k < this.start[i + 1]!; k++) h = Math.imul(h ^ this.bytes[k]!, FNV_PRIME);
      let slot = h & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = i + 1;
    }
  }

  /** The index of the id whose bytes are b[s..e) with FNV-1a hash h, or −1. */
  find(b: Uint8Array, s: number, e: number, h: number): number {
    const { bytes, start, slots, mask } = this;
    const length = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot]!;
      if (entry === 0) return -1;
      const i = entry - 1;
      const at = start[i]!;
      if (start[i + 1]! - at !== length) continue;
      let k = 0;
      while (k < length && bytes[at + k] === b[s + k]) k++;
      if (k === length) return i;
    }
  }
}

/**
 * The fast path. Returns null whenever the input is not the plain shape described above (then
 * the caller takes the general path).
 */
export function readInstanceFast(b: Uint8Array): PreparedInstance | null {
  const end = b.length;
  let p = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0; // byte-order mark
  p = skipWhitespace(b, p, end);
  if (b[p] !== OPEN_BRACE) return null;
  p = skipWhitespace(b, p + 1, end);

  // top-level members: where each value is
  const spans = new Map<string, [number, number]>();
  if (b[p] === CLOSE_BRACE) return null; // no members: not an instance
  for (;;) {
    if (b[p] !== QUOTE) return null;
    const keyEnd = skipString(b, p, end);
    if (keyEnd < 0) return null;
    let key: unknown;
    try {
      key = JSON.parse(decoder.decode(b.subarray(p, keyEnd)));
    } catch {
      return null;
    }
    p = skipWhitespace(b, keyEnd, end);
    if (b[p] !== COLON) return null;
    p = skipWhitespace(b, p + 1, end);
    const valueEnd = skipValue(b, p, end);
    if (valueEnd < 0 || spans.has(key as string)) return null; // (JSON.parse would take the last duplicate)
    spans.set(key as string, [p, valueEnd]);
    p = skipWhitespace(b, valueEnd, end);
    if (b[p] === COMMA) {
      p = skipWhitespace(b, p + 1, end);
      continue;
    }
    if (b[p] !== CLOSE_BRACE) return null;
    break;
  }
  if (skipWhitespace(b, p + 1, end) !== end) return null;

  const edgeSpan = spans.get('edges');
  if (!edgeSpan) return null;
  const small = new Map<string, unknown>(); // (a Map: a key may be "__proto__")
  try {
    for (const [key, [s, e]] of spans) if (key !== 'edges') small.set(key, JSON.parse(decoder.decode(b.subarray(s, e))));
  } catch {
    return null;
  }
  const mentors = small.get('mentors');
  const mentees = small.get('mentees');
  const pinned = small.get('pinned');
  if (!Array.isArray(mentors) || !Array.isArray(mentees) || (pinned !== undefined && !Array.isArray(pinned))) return null;
  let people;
  try {
    people = readPeople(mentors, mentees);
  } catch {
    return null;
  }

  const edges = readTriples(b, edgeSpan[0], edgeSpan[1], new IdTable(people.menteeIds), new IdTable(people.mentorIds));
  if (!edges) return null;
  try {
    return finishInstance(people, edges.mentee, edges.mentor, edges.score, pinned as unknown[] | undefined);
  } catch {
    return null;
  }
}

/** Strictly `[ ["id", "id", int], ... ]` over b[p..end), or null. */
function readTriples(b: Uint8Array, p: number, end: number, mentees: IdTable, mentors: IdTable) {
  // the shortest triple, ["",""  ,0] without spaces, takes 9 bytes plus a comma: an upper bound
  const bound = Math.floor((end - p) / 10) + 1;
  let edgeMentee = new Int32Array(bound);
  let edgeMentor = new Int32Array(bound);
  let edgeScore = new Uint8Array(bound);
  let count = 0;
  if (b[p] !== OPEN_BRACKET) return null;
  p = skipWhitespace(b, p + 1, end);
  if (b[p] === CLOSE_BRACKET) p++;
  else {
    for (;;) {
      if (b[p] !== OPEN_BRACKET) return null;
      p = skipWhitespace(b, p + 1, end);

      // mentee id
      if (b[p] !== QUOTE) return null;
      let s = ++p;
      let h = FNV_OFFSET;
      for (;;) {
        if (p >= end) return null;
        const c = b[p]!;
        if (c === QUOTE) break;
        if (c === BACKSLASH || c < 0x20) return null;
        h = Math.imul(h ^ c, FNV_PRIME);
        p++;
      }
      const e = mentees.find(b, s, p, h);
      if (e < 0) return null;
      p = skipWhitespace(b, p + 1, end);
      if (b[p] !== COMMA) return null;
      p = skipWhitespace(b, p + 1, end);

      // mentor id
      if (b[p] !== QUOTE) return null;
      s = ++p;
      h = FNV_OFFSET;
      for (;;) {
        if (p >= end) return null;
        const c = b[p]!;
        if (c === QUOTE) break;
        if (c === BACKSLASH || c < 0x20) return null;
        h = Math.imul(h ^ c, FNV_PRIME);
        p++;
      }
      const m = mentors.find(b, s, p, h);
      if (m < 0) return null;
      p = skipWhitespace(b, p + 1, end);
      if (b[p] !== COMMA) return null;
      p = skipWhitespace(b, p + 1, end);

      // score: a plain integer 0–100 (no sign, fraction, exponent or leading zero)
      let c = b[p];
      if (c === undefined || c < ZERO || c > NINE) return null;
      let score = c - ZERO;
      p++;
      if (score !== 0) {
        for (c = b[p]; p < end && c !== undefined && c >= ZERO && c <= NINE; c = b[++p]) {
          score = score * 10 + (c - ZERO);
          if (score > 100) return null;
        }
      }
      c = b[p];
      if (c === 0x2e || c === 0x65 || c === 0x45 || (c !== undefined && c >= ZERO && c <= NINE)) return null;
      p = skipWhitespace(b, p, end);
      if (b[p] !== CLOSE_BRACKET) return null;
      p = skipWhitespace(b, p + 1, end);

      if (count === edgeMentee.length) return null; // cannot happen with the bound above
      edgeMentee[count] = e;
      edgeMentor[count] = m;
      edgeScore[count] = score;
      count++;

      if (b[p] === COMMA) {
        p = skipWhitespace(b, p + 1, end);
        continue;
      }
      if (b[p] !== CLOSE_BRACKET) return null;
      p++;
      break;
    }
  }
  if (p !== end) return null;
  // shrink to size, letting the generous first allocation go
  edgeMentee = edgeMentee.slice(0, count);
  edgeMentor = edgeMentor.slice(0, count);
  edgeScore = edgeScore.slice(0, count);
  return { mentee: edgeMentee, mentor: edgeMentor, score: edgeScore };
}

/**
 * JSON bytes → prepared instance: the fast path when it applies, else JSON.parse + parseInstance.
 * Throws SyntaxError for malformed JSON and MatchingInputError for invalid input.
 */
export function readInstanceJson(bytes: Uint8Array): PreparedInstance {
  const fast = readInstanceFast(bytes);
  if (fast) return fast;
  // (TextDecoder drops a byte-order mark, which JSON.parse would reject)
  return parseInstance(JSON.parse(decoder.decode(bytes)));
}

import { describe, expect, it } from 'vitest';
import { mulberry32, randomInstance, randomInt } from './generate';
import { parseInstance, type PreparedInstance } from './instance';
import { readInstanceFast, readInstanceJson } from './read-json';

const encode = (text: string) => new TextEncoder().encode(text);

function plain(p: PreparedInstance) {
  return {
    menteeIds: p.menteeIds,
    mentorIds: p.mentorIds,
    capacity: Array.from(p.capacity),
    edgeMentee: Array.from(p.edgeMentee),
    edgeMentor: Array.from(p.edgeMentor),
    edgeScore: Array.from(p.edgeScore),
    menteeStart: Array.from(p.menteeStart),
    menteeEdges: Array.from(p.menteeEdges),
    pinEdge: Array.from(p.pinEdge),
  };
}

/** What the general path (JSON.parse + parseInstance) makes of a text: the instance or the error. */
function general(text: string) {
  try {
    return { instance: plain(parseInstance(JSON.parse(text.replace(/^\uFEFF/, '')))) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function viaBytes(text: string) {
  try {
    return { instance: plain(readInstanceJson(encode(text))) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

function instanceWithPins(seed: number) {
  const inst = randomInstance({ mentees: 60, mentors: 15, degree: 4, minCapacity: 0, maxCapacity: 3, seed });
  const random = mulberry32(seed);
  const left = inst.mentors.map((m) => m.capacity);
  const pinned: [string, string][] = [];
  const seen = new Set<string>();
  for (const [e, m] of inst.edges) {
    const j = Number(m.slice(1)) - 1;
    if (random() < 0.1 && left[j]! > 0 && !seen.has(e)) {
      left[j]!--;
      seen.add(e);
      pinned.push([e, m]);
    }
  }
  return { ...inst, pinned };
}

describe('readInstanceFast', () => {
  it('reads triples exactly as JSON.parse + parseInstance do, in any layout', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const inst = instanceWithPins(seed);
      const layouts = [
        JSON.stringify(inst),
        JSON.stringify(inst, null, randomInt(mulberry32(seed), 1, 4)),
        `\uFEFF ${JSON.stringify(inst)}\n`,
        // other key order, an extra field with brackets inside strings, tabs and CRLF
        `{\r\n\t"meta": {"note": "] } [ \\" {", "n": [1, 2.5e3, true, null]},\r\n\t"edges": ${JSON.stringify(inst.edges)},\r\n` +
          `\t"pinned": ${JSON.stringify(inst.pinned)}, "mentees": ${JSON.stringify(inst.mentees)}, "mentors": ${JSON.stringify(inst.mentors)}\r\n}`,
      ];
      for (const text of layouts) {
        const fast = readInstanceFast(encode(text));
        expect(fast, `seed ${seed}`).not.toBeNull();
        expect(plain(fast!)).toEqual(general(text).instance);
      }
    }
  });

  it('matches ids by their UTF-8 bytes', () => {
    const text = JSON.stringify({
      mentors: [
        { id: 'Zoë', capacity: 1 },
        { id: '😀', capacity: 2 },
        { id: '', capacity: 1 },
      ],
      mentees: [{ id: 'ë' }, { id: 'e' }, { id: 'a b' }],
      edges: [
        ['ë', '😀', 100],
        ['e', 'Zoë', 0],
        ['a b', '', 42],
        ['a b', '😀', 7],
      ],
    });
    const fast = readInstanceFast(encode(text));
    expect(fast).not.toBeNull();
    expect(plain(fast!)).toEqual(general(text).instance);
  });

  it('handles an empty edge list', () => {
    const text = '{"mentors":[],"mentees":[{"id":"e"}],"edges":[ ]}';
    expect(plain(readInstanceFast(encode(text))!)).toEqual(general(text).instance);
  });
});

describe('readInstanceJson', () => {
  const base = '{"mentors":[{"id":"m1","capacity":1},{"id":"m2","capacity":2}],"mentees":[{"id":"e1"},{"id":"e2"}],';
  const cases: [string, string][] = [
    ['edges as objects', base + '"edges":[{"mentee":"e1","mentor":"m1","score":5}]}'],
    ['a score written 73.0', base + '"edges":[["e1","m1",73.0]]}'],
    ['a score written 1e2', base + '"edges":[["e1","m1",1e2]]}'],
    ['an id with an escape', base + '"edges":[["e\\u0031","m1",5]]}'],
    ['the edges key twice (last wins)', base + '"edges":[["e1","m1",5]],"edges":[["e2","m2",6]]}'],
    ['a leading zero', base + '"edges":[["e1","m1",07]]}'],
    ['a trailing comma', base + '"edges":[["e1","m1",7],]}'],
    ['a missing bracket', base + '"edges":[["e1","m1",7]}'],
    ['garbage after the object', base + '"edges":[]} x'],
    ['a negative score', base + '"edges":[["e1","m1",-5]]}'],
    ['a score over 100', base + '"edges":[["e1","m1",101]]}'],
    ['a string score', base + '"edges":[["e1","m1","5"]]}'],
    ['a short triple', base + '"edges":[["e1","m1"]]}'],
    ['an unknown mentee', base + '"edges":[["e1","m1",5],["e9","m1",5]]}'],
    ['an unknown mentor', base + '"edges":[["e1","m7",5]]}'],
    ['a duplicate edge', base + '"edges":[["e1","m1",5],["e2","m1",5],["e1","m1",9]]}'],
    ['a pin without an edge', base + '"edges":[["e1","m1",5]],"pinned":[["e1","m2"]]}'],
    ['pins over capacity', base + '"edges":[["e1","m1",5],["e2","m1",5]],"pinned":[["e1","m1"],["e2","m1"]]}'],
    ['pinned null', base + '"edges":[],"pinned":null}'],
    ['a bad capacity', '{"mentors":[{"id":"m1","capacity":1.5}],"mentees":[],"edges":[]}'],
    ['no edges', base.slice(0, -1) + '}'],
    ['an empty object', '{}'],
    ['an array', '[]'],
    ['nothing', ''],
    ['a control character in an id', base + '"edges":[["e1\u0001","m1",5]]}'],
    ['an unterminated string', base + '"edges":[["e1'],
    ['a __proto__ key', base + '"__proto__":{"x":1},"edges":[["e1","m1",5]]}'],
  ];
  for (const [name, text] of cases) {
    it(`treats ${name} exactly as JSON.parse + parseInstance do`, () => {
      expect(viaBytes(text)).toEqual(general(text));
    });
  }

  it('really uses the fast path for plain triples and steps aside otherwise', () => {
    expect(readInstanceFast(encode(base + '"edges":[["e1","m1",5]]}'))).not.toBeNull();
    expect(readInstanceFast(encode(base + '"edges":[["e1","m1",5.0]]}'))).toBeNull();
  });
});

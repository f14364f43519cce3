/**
 * Scoring layer of matching (DESIGN.md section 4, issue 4 item 6): decides whether a mentee and a
 * mentor may be paired at all (hard rules) and how well they fit (a 0–100 score from named,
 * weighted parts, each with a plain-language sentence in Dutch and English).
 *
 * Pure module: no database, no framework. Geography comes in through the `Geography` interface
 * (see `geography.server.ts` for the database-backed one). The output of `buildEdges` feeds the
 * engine (`engine.ts`) directly.
 */

import type { MatchingEdge } from './instance';

// ---------------------------------------------------------------------------------------------
// Types

export type Office = 'council-member' | 'alderman' | 'mayor' | 'provincial' | 'former';
export type MeetingMode = 'in-person' | 'online';

export interface MentorProfile {
  id: string;
  municipalityCode: string;
  office: Office;
  party: string | null;
  themes: string[];
  languages: string[];
  meetingModes: MeetingMode[];
  /** Maximum number of concurrent mentees, across all networks. */
  capacity: number;
  /** Matches that currently use up capacity (active or proposed). */
  activeMatches: number;
  /** Paused until this moment (exclusive); `null` when not paused. */
  pausedUntil: Date | null;
  /** Weekday-part slots such as `mon-evening`, `sat-morning`. */
  availability: string[];
  gender?: string | null;
}

interface MenteeMustHaves {
  onlineOnly?: boolean;
  mentorGender?: string;
  sameParty?: boolean;
}

export interface MenteeApplication {
  id: string;
  municipalityCode: string;
  themes: string[];
  /** E.g. `become-council-member`, `understand-council`, `run-for-alderman`, `join-party`. */
  goals: string[];
  /** `null` or `'none'`: no party yet. */
  party: string | null;
  meetingModes: MeetingMode[];
  languages: string[];
  mustHaves: MenteeMustHaves;
  availability: string[];
}

/** Where municipalities lie. An interface so scoring stays pure; lookups should be O(1). */
export interface Geography {
  /** The province (name) of a municipality code, e.g. `GM0193` → `Overijssel`. */
  provinceOf(code: string): string | undefined;
  areNeighbours(a: string, b: string): boolean;
  /** The municipality's display name, e.g. `GM0193` → `Zwolle`. */
  nameOf(code: string): string | undefined;
}

export const scorePartIds = [
  'sameMunicipality',
  'neighbouringMunicipality',
  'sameProvince',
  'sharedThemes',
  'officeFit',
  'partyPreference',
  'availabilityOverlap',
] as const;
export type ScorePartId = (typeof scorePartIds)[number];

/** Per network, integers ≥ 0. A part with weight 0 does not count. */
export type Weights = Record<ScorePartId, number>;

export const defaultWeights: Readonly<Weights> = Object.freeze({
  sameMunicipality: 25,
  neighbouringMunicipality: 15,
  sameProvince: 10,
  sharedThemes: 20,
  officeFit: 15,
  partyPreference: 5,
  availabilityOverlap: 10,
});

export interface PairRules {
  /** `${menteeId}:${mentorId}` of pairs that were declined or ended before: never again. */
  declinedOrEnded: Set<string>;
  /** `${menteeId}:${mentorId}` of pairs a coordinator forbade. */
  forbidden: Set<string>;
}

export const pairKey = (menteeId: string, mentorId: string) => `${menteeId}:${mentorId}`;

export interface Explanation {
  nl: string;
  en: string;
}

type IncompatibilityReasonId =
  | 'other-network'
  | 'mentor-paused'
  | 'mentor-full'
  | 'online-only'
  | 'no-shared-meeting-mode'
  | 'no-shared-language'
  | 'mentor-gender'
  | 'same-party'
  | 'declined-or-ended'
  | 'forbidden';

interface IncompatibilityReason extends Explanation {
  id: IncompatibilityReasonId;
}

export interface CompatibilityContext {
  at: Date;
  rules: PairRules;
  sameNetwork: boolean;
}

export type Compatibility = { ok: true } | { ok: false; reasons: IncompatibilityReason[] };

interface ScorePart {
  id: ScorePartId;
  /** How well this part fits, 0..1. */
  fraction: number;
  weight: number;
  /** This part's share of the 0–100 score (before rounding): 100 × weight × fraction / Σ weights. */
  points: number;
  /**
   * A sentence for parts that contribute (points > 0), otherwise `null`. Written to the mentee
   * ("Je mentor is …"); coordinators read it as it is.
   */
  explanation: Explanation | null;
  /** The same sentence written to the mentor ("Je bent …"); `null` exactly when `explanation` is. */
  mentorExplanation: Explanation | null;
}

export interface PairScore {
  /** Integer 0–100. */
  score: number;
  parts: ScorePart[];
}

// ---------------------------------------------------------------------------------------------
// Words

const norm = (s: string) => s.trim().toLowerCase();

const noParty = (party: string | null | undefined) => party == null || norm(party) === '' || norm(party) === 'none';

/** Joins words the Dutch/English way: "a", "a en b", "a, b en c". */
export function joinWords(words: readonly string[], and: string): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

const officeWords: Record<Office, Explanation> = {
  'council-member': { nl: 'raadslid', en: 'a council member' },
  alderman: { nl: 'wethouder', en: 'an alderman' },
  mayor: { nl: 'burgemeester', en: 'a mayor' },
  provincial: { nl: 'Statenlid', en: 'a member of the provincial council' },
  former: { nl: 'oud-politicus', en: 'a former politician' },
};

const goalWords: Record<string, Explanation> = {
  'become-council-member': { nl: 'om raadslid te worden', en: 'to become a council member' },
  'understand-council': { nl: 'om te snappen hoe de gemeenteraad werkt', en: 'to understand how the council works' },
  'run-for-alderman': { nl: 'om wethouder te worden', en: 'to become an alderman' },
  'join-party': { nl: 'om lid te worden van een partij', en: 'to join a party' },
  'become-provincial': { nl: 'om Statenlid te worden', en: 'to become a member of the provincial council' },
  'become-mayor': { nl: 'om burgemeester te worden', en: 'to become a mayor' },
};

/** The goals a mentee can pick on the application form. */
export const goalIds = [
  'become-council-member',
  'understand-council',
  'run-for-alderman',
  'join-party',
  'become-provincial',
  'become-mayor',
] as const;
type Goal = (typeof goalIds)[number];

type OfficeFit = Partial<Record<Office, 0.5 | 1>>;

/** Office fit per goal: 1 fits best, 0.5 fits somewhat, missing fits not. */
const officeFitTable: Readonly<Record<Goal, OfficeFit>> = {
  'become-council-member': { 'council-member': 1, former: 1, alderman: 0.5, mayor: 0.5, provincial: 0.5 },
  'understand-council': { 'council-member': 1, alderman: 1, former: 1, mayor: 0.5, provincial: 0.5 },
  'run-for-alderman': { alderman: 1, former: 0.5, mayor: 0.5, 'council-member': 0.5 },
  'join-party': { 'council-member': 1, provincial: 1, former: 0.5, alderman: 0.5 },
  'become-provincial': { provincial: 1, former: 0.5 },
  'become-mayor': { mayor: 1, alderman: 0.5, former: 0.5 },
};

const dayWords: Record<string, Explanation> = {
  mon: { nl: 'maandag', en: 'Monday' },
  tue: { nl: 'dinsdag', en: 'Tuesday' },
  wed: { nl: 'woensdag', en: 'Wednesday' },
  thu: { nl: 'donderdag', en: 'Thursday' },
  fri: { nl: 'vrijdag', en: 'Friday' },
  sat: { nl: 'zaterdag', en: 'Saturday' },
  sun: { nl: 'zondag', en: 'Sunday' },
};
const dayPartWords: Record<string, Explanation> = {
  morning: { nl: 'ochtend', en: 'morning' },
  afternoon: { nl: 'middag', en: 'afternoon' },
  evening: { nl: 'avond', en: 'evening' },
};

/** `tue-evening` → dinsdagavond / Tuesday evening; unknown ids are shown as they are. */
export function slotWords(slot: string): Explanation {
  const [day, part, ...rest] = norm(slot).split('-');
  const d = day === undefined ? undefined : dayWords[day];
  if (!d || rest.length > 0) return { nl: slot, en: slot };
  if (part === undefined) return d;
  const p = dayPartWords[part];
  return p ? { nl: `${d.nl}${p.nl}`, en: `${d.en} ${p.en}` } : { nl: slot, en: slot };
}

const themeWordsTable: Record<string, Explanation> = {
  zorg: { nl: 'zorg', en: 'care' },
  onderwijs: { nl: 'onderwijs', en: 'education' },
  wonen: { nl: 'wonen', en: 'housing' },
  klimaat: { nl: 'klimaat', en: 'climate' },
  duurzaamheid: { nl: 'duurzaamheid', en: 'sustainability' },
  mobiliteit: { nl: 'mobiliteit', en: 'mobility' },
  verkeer: { nl: 'verkeer', en: 'traffic' },
  veiligheid: { nl: 'veiligheid', en: 'safety' },
  werk: { nl: 'werk', en: 'work' },
  economie: { nl: 'economie', en: 'economy' },
  cultuur: { nl: 'cultuur', en: 'culture' },
  sport: { nl: 'sport', en: 'sport' },
  jeugd: { nl: 'jeugd', en: 'youth' },
  armoede: { nl: 'armoede', en: 'poverty' },
  inclusie: { nl: 'inclusie', en: 'inclusion' },
  toegankelijkheid: { nl: 'toegankelijkheid', en: 'accessibility' },
  financien: { nl: 'financiën', en: 'finance' },
  landbouw: { nl: 'landbouw', en: 'agriculture' },
  natuur: { nl: 'natuur', en: 'nature' },
  integratie: { nl: 'integratie', en: 'integration' },
  democratie: { nl: 'democratie', en: 'democracy' },
};

/** The theme ids the forms offer (mentor profile, mentee application), in this order. */
export const themeIds: readonly string[] = Object.freeze(Object.keys(themeWordsTable));

/** A theme id in words; unknown themes are shown as they are. */
export function themeWords(theme: string): Explanation {
  return themeWordsTable[norm(theme)] ?? { nl: theme, en: theme };
}

// ---------------------------------------------------------------------------------------------
// Compatibility

const reasonTexts: Record<IncompatibilityReasonId, Explanation> = {
  'other-network': { nl: 'De mentor hoort niet bij dit netwerk.', en: 'The mentor is not part of this network.' },
  'mentor-paused': { nl: 'De mentor pauzeert nu.', en: 'The mentor is taking a break.' },
  'mentor-full': { nl: 'De mentor heeft geen plek meer.', en: 'The mentor has no room for another mentee.' },
  'online-only': {
    nl: 'De mentee wil alleen online afspreken, en de mentor niet.',
    en: 'The mentee wants to meet online only, and the mentor does not meet online.',
  },
  'no-shared-meeting-mode': {
    nl: 'Ze willen niet op dezelfde manier afspreken (live of online).',
    en: 'They do not want to meet in the same way (in person or online).',
  },
  'no-shared-language': { nl: 'Ze spreken geen gedeelde taal.', en: 'They do not share a language.' },
  'mentor-gender': {
    nl: 'De mentee wil een mentor van een ander gender.',
    en: 'The mentee wants a mentor of another gender.',
  },
  'same-party': {
    nl: 'De mentee wil een mentor van de eigen partij.',
    en: 'The mentee wants a mentor from their own party.',
  },
  'declined-or-ended': {
    nl: 'Deze koppeling is eerder afgewezen of gestopt.',
    en: 'This pair was declined or ended before.',
  },
  forbidden: { nl: 'De coördinator heeft deze koppeling uitgesloten.', en: 'The coordinator ruled out this pair.' },
};

const reason = (id: IncompatibilityReasonId): IncompatibilityReason => ({ id, ...reasonTexts[id] });

/** Mentee and mentor with normalised sets, so that many pairs can be checked and scored fast. */
interface PreparedMentee {
  m: MenteeApplication;
  themes: string[]; // normalised, distinct, in the mentee's order
  themeCount: number;
  slots: string[]; // normalised, distinct, in the mentee's order
  slotCount: number;
  languages: Set<string>;
  party: string | null; // normalised; null = no party yet
  gender: string | null; // must-have, normalised
}

interface PreparedMentor {
  m: MentorProfile;
  themes: Set<string>;
  slots: Set<string>;
  modes: Set<string>;
  languages: string[];
  party: string | null;
  gender: string | null;
}

const distinct = (values: readonly string[]) => [...new Set(values.map(norm))];

function prepareMentee(m: MenteeApplication): PreparedMentee {
  const themes = distinct(m.themes);
  const slots = distinct(m.availability);
  return {
    m,
    themes,
    themeCount: themes.length,
    slots,
    slotCount: slots.length,
    languages: new Set(m.languages.map(norm)),
    party: noParty(m.party) ? null : norm(m.party!),
    gender: m.mustHaves.mentorGender ? norm(m.mustHaves.mentorGender) : null,
  };
}

function prepareMentor(m: MentorProfile): PreparedMentor {
  return {
    m,
    themes: new Set(m.themes.map(norm)),
    slots: new Set(m.availability.map(norm)),
    modes: new Set(m.meetingModes),
    languages: distinct(m.languages),
    party: noParty(m.party) ? null : norm(m.party!),
    gender: m.gender ? norm(m.gender) : null,
  };
}

function compatibilityReasons(e: PreparedMentee, r: PreparedMentor, ctx: CompatibilityContext): IncompatibilityReasonId[] {
  const reasons: IncompatibilityReasonId[] = [];
  if (!ctx.sameNetwork) reasons.push('other-network');
  if (r.m.pausedUntil !== null && ctx.at.getTime() < r.m.pausedUntil.getTime()) reasons.push('mentor-paused');
  if (!(r.m.activeMatches < r.m.capacity)) reasons.push('mentor-full');
  if (e.m.mustHaves.onlineOnly) {
    if (!r.modes.has('online')) reasons.push('online-only');
  } else if (!e.m.meetingModes.some((mode) => r.modes.has(mode))) {
    reasons.push('no-shared-meeting-mode');
  }
  if (!r.languages.some((language) => e.languages.has(language))) reasons.push('no-shared-language');
  if (e.gender !== null && r.gender !== e.gender) reasons.push('mentor-gender');
  if (e.m.mustHaves.sameParty && (e.party === null || r.party !== e.party)) reasons.push('same-party');
  const { declinedOrEnded, forbidden } = ctx.rules;
  if (declinedOrEnded.size > 0 || forbidden.size > 0) {
    const key = pairKey(e.m.id, r.m.id);
    if (declinedOrEnded.has(key)) reasons.push('declined-or-ended');
    if (forbidden.has(key)) reasons.push('forbidden');
  }
  return reasons;
}

/** The hard rules. All broken rules are listed, in a fixed order. */
export function compatibility(mentee: MenteeApplication, mentor: MentorProfile, ctx: CompatibilityContext): Compatibility {
  const ids = compatibilityReasons(prepareMentee(mentee), prepareMentor(mentor), ctx);
  return ids.length === 0 ? { ok: true } : { ok: false, reasons: ids.map(reason) };
}

// ---------------------------------------------------------------------------------------------
// Score

/** A part's fit as an exact fraction `num / den` (den ≥ 1), so that rounding is exact. */
type Ratio = readonly [num: number, den: number];

/** The table by any stored goal code: an unknown one fits no office. */
const fitByGoal: Readonly<Partial<Record<string, OfficeFit>>> = officeFitTable;

const officeFitRatio = (goals: readonly string[], office: Office): { ratio: Ratio; goal: string | undefined } => {
  let best = 0;
  let goal: string | undefined;
  for (const g of goals) {
    const fit = fitByGoal[norm(g)]?.[office] ?? 0;
    if (fit > best) {
      best = fit;
      goal = norm(g);
    }
  }
  return { ratio: [best * 2, 2], goal };
};

interface RawParts {
  ratios: Record<ScorePartId, Ratio>;
  sharedThemes: string[];
  sharedSlots: string[];
  goal: string | undefined;
}

function rawParts(e: PreparedMentee, r: PreparedMentor, geo: Geography): RawParts {
  const a = e.m.municipalityCode;
  const b = r.m.municipalityCode;
  const sameMunicipality = a === b;
  const provinceA = geo.provinceOf(a);
  const sameProvince = provinceA !== undefined && provinceA === geo.provinceOf(b);
  const neighbours = !sameMunicipality && geo.areNeighbours(a, b);
  const sharedThemes = e.themes.filter((t) => r.themes.has(t));
  const sharedSlots = e.slots.filter((s) => r.slots.has(s));
  const office = officeFitRatio(e.m.goals, r.m.office);
  const party: Ratio = e.party === null ? [1, 2] : e.party === r.party ? [2, 2] : [0, 2];
  return {
    ratios: {
      sameMunicipality: [sameMunicipality ? 1 : 0, 1],
      neighbouringMunicipality: [neighbours ? 1 : 0, 1],
      sameProvince: [sameProvince ? 1 : 0, 1],
      sharedThemes: [sharedThemes.length, Math.max(1, e.themeCount)],
      officeFit: office.ratio,
      partyPreference: party,
      availabilityOverlap: [sharedSlots.length, Math.max(1, e.slotCount)],
    },
    sharedThemes,
    sharedSlots,
    goal: office.goal,
  };
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Throws a RangeError unless every weight is an integer ≥ 0. */
function assertValidWeights(weights: Weights): void {
  for (const id of scorePartIds) {
    const w = weights[id];
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`weight ${id} must be an integer ≥ 0, got ${String(w)}`);
  }
}

/** round(100 × Σ wᵢ·fᵢ / Σ wᵢ), computed exactly in integers (halves round up); 0 when all weights are 0. */
function exactScore(ratios: Record<ScorePartId, Ratio>, weights: Weights): number {
  let totalWeight = 0;
  let lcm = 1;
  for (const id of scorePartIds) {
    totalWeight += weights[id];
    const den = ratios[id][1];
    lcm = (lcm / gcd(lcm, den)) * den;
  }
  if (totalWeight === 0) return 0;
  let numerator = 0;
  for (const id of scorePartIds) {
    const [num, den] = ratios[id];
    numerator += weights[id] * num * (lcm / den);
  }
  const denominator = totalWeight * lcm;
  const score = Math.floor((200 * numerator + denominator) / (2 * denominator));
  return Math.min(100, Math.max(0, score));
}

/** A part's sentence for each reader. "Jullie …" sentences read the same for both. */
interface Worded {
  mentee: Explanation;
  mentor: Explanation;
}

const both = (sentence: Explanation): Worded => ({ mentee: sentence, mentor: sentence });

function officeFitWords(office: Explanation, goal: Explanation | undefined): Worded {
  const menteeGoal = goal ?? { nl: 'voor je doel', en: 'for your goal' };
  return {
    mentee: {
      nl: `Je mentor is ${office.nl}: dat past bij je doel ${menteeGoal.nl}`,
      en: `Your mentor is ${office.en}: that fits your goal ${menteeGoal.en}`,
    },
    mentor: goal
      ? {
          nl: `Je bent ${office.nl}: dat past bij het doel van je mentee: ${goal.nl}`,
          en: `You are ${office.en}: that fits your mentee's goal ${goal.en}`,
        }
      : { nl: `Je bent ${office.nl}: dat past bij het doel van je mentee`, en: `You are ${office.en}: that fits your mentee's goal` },
  };
}

const noPartyYetWords: Worded = {
  mentee: { nl: 'Je hebt nog geen partij: je mentor kan je helpen kiezen', en: 'You have no party yet: your mentor can help you choose' },
  mentor: { nl: 'Je mentee heeft nog geen partij: jij kunt helpen kiezen', en: 'Your mentee has no party yet: you can help them choose' },
};

function explain(id: ScorePartId, raw: RawParts, e: PreparedMentee, r: PreparedMentor, geo: Geography): Worded {
  switch (id) {
    case 'sameMunicipality': {
      const name = geo.nameOf(e.m.municipalityCode) ?? e.m.municipalityCode;
      return both({ nl: `Jullie wonen allebei in ${name}`, en: `You both live in ${name}` });
    }
    case 'neighbouringMunicipality': {
      const mine = geo.nameOf(e.m.municipalityCode) ?? e.m.municipalityCode;
      const theirs = geo.nameOf(r.m.municipalityCode) ?? r.m.municipalityCode;
      return both({
        nl: `Jullie gemeenten grenzen aan elkaar: ${mine} en ${theirs}`,
        en: `Your municipalities border each other: ${mine} and ${theirs}`,
      });
    }
    case 'sameProvince': {
      const province = geo.provinceOf(e.m.municipalityCode) ?? '';
      return both({ nl: `Jullie wonen allebei in ${province}`, en: `You both live in ${province}` });
    }
    case 'sharedThemes': {
      const words = raw.sharedThemes.map(themeWords);
      const n = words.length;
      return both({
        nl: `${n === 1 ? '1 gedeeld thema' : `${n} gedeelde thema's`}: ${joinWords(
          words.map((w) => w.nl),
          'en',
        )}`,
        en: `${n} shared ${n === 1 ? 'theme' : 'themes'}: ${joinWords(
          words.map((w) => w.en),
          'and',
        )}`,
      });
    }
    case 'officeFit':
      return officeFitWords(officeWords[r.m.office], raw.goal === undefined ? undefined : goalWords[raw.goal]);
    case 'partyPreference':
      return e.party === null
        ? noPartyYetWords
        : both({ nl: 'Jullie zijn lid van dezelfde partij', en: 'You are members of the same party' });
    case 'availabilityOverlap': {
      const words = raw.sharedSlots.map(slotWords);
      return both({
        nl: `Jullie kunnen allebei op ${joinWords(
          words.map((w) => w.nl),
          'en',
        )}`,
        en: `You are both available on ${joinWords(
          words.map((w) => w.en),
          'and',
        )}`,
      });
    }
  }
}

/**
 * Mentor sentences by the mentee sentence they replace, in both languages. Built with the same
 * functions as `explain`, so that reasons stored without a mentor wording (rows from before it
 * existed hold only `nl`/`en`) still reach the mentor in words written to them.
 */
let mentorByMenteeSentence: Map<string, string> | undefined;
function legacyMentorSentences() {
  if (!mentorByMenteeSentence) {
    const map = new Map<string, string>();
    const add = ({ mentee, mentor }: Worded) => {
      map.set(mentee.nl, mentor.nl);
      map.set(mentee.en, mentor.en);
    };
    for (const office of Object.values(officeWords)) {
      add(officeFitWords(office, undefined));
      for (const goal of Object.values(goalWords)) add(officeFitWords(office, goal));
    }
    add(noPartyYetWords);
    mentorByMenteeSentence = map;
  }
  return mentorByMenteeSentence;
}

/**
 * A stored reason's sentence for the mentor. Reasons scored since mentors got their own wording
 * carry it in `mentor`; older ones are reworded from their mentee sentence (the "Jullie …"
 * sentences are the same for both readers and pass through unchanged).
 */
export function mentorWording(reason: Explanation & { mentor?: Explanation | null }): Explanation {
  if (reason.mentor) return reason.mentor;
  const legacy = legacyMentorSentences();
  return { nl: legacy.get(reason.nl) ?? reason.nl, en: legacy.get(reason.en) ?? reason.en };
}

/**
 * A part whose reason says nothing new once another part's reason is given: living in the same
 * municipality means living in the same province, so "Jullie wonen allebei in Overijssel" after
 * "… in Zwolle" only repeats it, and reads twice the same where the two share a name (Groningen,
 * Utrecht). The part still scores; only its sentence is left out.
 */
const impliedBy: Partial<Record<ScorePartId, ScorePartId>> = { sameProvince: 'sameMunicipality' };

function scorePrepared(e: PreparedMentee, r: PreparedMentor, weights: Weights, geo: Geography): PairScore {
  const raw = rawParts(e, r, geo);
  const score = exactScore(raw.ratios, weights);
  let totalWeight = 0;
  for (const id of scorePartIds) totalWeight += weights[id];
  const pointsOf = (id: ScorePartId) =>
    totalWeight === 0 ? 0 : (100 * weights[id] * (raw.ratios[id][0] / raw.ratios[id][1])) / totalWeight;
  const said = new Set<string>();
  const parts = scorePartIds.map((id): ScorePart => {
    const [num, den] = raw.ratios[id];
    const fraction = num / den;
    const weight = weights[id];
    const points = pointsOf(id);
    const implier = impliedBy[id];
    let worded = points > 0 && !(implier && pointsOf(implier) > 0) ? explain(id, raw, e, r, geo) : null;
    // A safety net for any other pair of parts that comes out in the same words.
    if (worded && (said.has(worded.mentee.nl) || said.has(worded.mentee.en))) worded = null;
    if (worded) said.add(worded.mentee.nl).add(worded.mentee.en);
    return { id, fraction, weight, points, explanation: worded?.mentee ?? null, mentorExplanation: worded?.mentor ?? null };
  });
  return { score, parts };
}

/**
 * The 0–100 score of a pair and its parts, in the fixed order of `scorePartIds`. Does not check
 * compatibility. Deterministic: the same input always gives the same integer score and sentences.
 */
export function scorePair(mentee: MenteeApplication, mentor: MentorProfile, weights: Weights, geo: Geography): PairScore {
  assertValidWeights(weights);
  return scorePrepared(prepareMentee(mentee), prepareMentor(mentor), weights, geo);
}

// ---------------------------------------------------------------------------------------------
// Edges for the engine

type UnmatchableReasonId = 'no-compatible-mentor' | 'all-compatible-mentors-full' | 'all-compatible-mentors-paused';

interface UnmatchableMentee {
  mentee: string;
  reason: UnmatchableReasonId;
  explanation: Explanation;
}

const unmatchableTexts: Record<UnmatchableReasonId, Explanation> = {
  'no-compatible-mentor': {
    nl: 'Er is geen mentor die past bij de eisen van deze mentee.',
    en: "No mentor meets this mentee's requirements.",
  },
  'all-compatible-mentors-full': {
    nl: 'Alle mentoren die passen, hebben geen plek meer.',
    en: 'All mentors who fit have no room left.',
  },
  'all-compatible-mentors-paused': {
    nl: 'Alle mentoren die passen, pauzeren nu.',
    en: 'All mentors who fit are taking a break.',
  },
};

export interface BuildEdgesContext {
  at: Date;
  rules: PairRules;
  /**
   * Whether a pair belongs to the same network: a function per pair, or one answer for all pairs.
   * Every pair when left out (a run covers one network).
   */
  sameNetwork?: boolean | ((mentee: MenteeApplication, mentor: MentorProfile) => boolean);
}

export interface BuiltEdges {
  /** Compatible pairs only, mentees in input order and per mentee mentors in input order. */
  edges: MatchingEdge[];
  /** Mentees without any edge, in input order, with why. */
  unmatchable: UnmatchableMentee[];
}

/**
 * Scores every compatible pair for the engine. A mentee without edges gets a reason: when some
 * mentor would be compatible if they had room → `all-compatible-mentors-full`; else if one would be
 * compatible if not paused (and had room) → `all-compatible-mentors-paused`; otherwise
 * `no-compatible-mentor`.
 */
export function buildEdges(
  mentees: readonly MenteeApplication[],
  mentors: readonly MentorProfile[],
  weights: Weights,
  geo: Geography,
  ctx: BuildEdgesContext,
): BuiltEdges {
  assertValidWeights(weights);
  const preparedMentors = mentors.map(prepareMentor);
  const edges: MatchingEdge[] = [];
  const unmatchable: UnmatchableMentee[] = [];
  for (const mentee of mentees) {
    const e = prepareMentee(mentee);
    let count = 0;
    let fullOnly = false;
    let pausedOnly = false;
    for (const r of preparedMentors) {
      const reasons = compatibilityReasons(e, r, {
        at: ctx.at,
        rules: ctx.rules,
        sameNetwork: typeof ctx.sameNetwork === 'function' ? ctx.sameNetwork(mentee, r.m) : (ctx.sameNetwork ?? true),
      });
      if (reasons.length === 0) {
        edges.push({ mentee: mentee.id, mentor: r.m.id, score: exactScore(rawParts(e, r, geo).ratios, weights) });
        count++;
      } else if (reasons.every((id) => id === 'mentor-full')) {
        fullOnly = true;
      } else if (reasons.every((id) => id === 'mentor-full' || id === 'mentor-paused')) {
        pausedOnly = true;
      }
    }
    if (count === 0) {
      const reasonId: UnmatchableReasonId = fullOnly
        ? 'all-compatible-mentors-full'
        : pausedOnly
          ? 'all-compatible-mentors-paused'
          : 'no-compatible-mentor';
      unmatchable.push({ mentee: mentee.id, reason: reasonId, explanation: unmatchableTexts[reasonId] });
    }
  }
  return { edges, unmatchable };
}

import { describe, it, expect } from 'vitest';
import { readMunicipalityData } from '~db/migrate.server';
import { openTestDatabase } from '../../../test/database';
import { menteeWording } from '../../../test/wording';
import { geographyFrom, loadGeography } from './geography.server';
import { solveAssignment } from './engine';
import {
  buildEdges,
  compatibility,
  defaultWeights,
  joinWords,
  mentorWording,
  pairKey,
  scorePair,
  scorePartIds,
  slotWords,
  type Geography,
  type MenteeApplication,
  type MentorProfile,
  type PairRules,
  type ScorePartId,
  type Weights,
} from './scoring';

// Real municipality data from the CSV files, no database.
const data = readMunicipalityData();
const geo: Geography = geographyFrom(data.rows, data.neighbours);

const ZWOLLE = 'GM0193';
const DALFSEN = 'GM0148';
const DEVENTER = 'GM0150'; // Overijssel, does not border Zwolle
const AMSTERDAM = 'GM0363'; // Noord-Holland

const noRules = (): PairRules => ({ declinedOrEnded: new Set(), forbidden: new Set() });
const AT = new Date('2025-03-01T12:00:00Z');
const ctx = (over: Partial<{ rules: PairRules; sameNetwork: boolean; at: Date }> = {}) => ({
  at: AT,
  rules: noRules(),
  sameNetwork: true,
  ...over,
});

function mentor(over: Partial<MentorProfile> = {}): MentorProfile {
  return {
    id: 'r1',
    municipalityCode: ZWOLLE,
    office: 'council-member',
    party: 'GroenLinks-PvdA',
    themes: ['zorg', 'onderwijs'],
    languages: ['nl'],
    meetingModes: ['in-person', 'online'],
    capacity: 2,
    activeMatches: 0,
    pausedUntil: null,
    availability: ['tue-evening'],
    gender: 'female',
    ...over,
  };
}

function mentee(over: Partial<MenteeApplication> = {}): MenteeApplication {
  return {
    id: 'e1',
    municipalityCode: ZWOLLE,
    themes: ['zorg', 'onderwijs'],
    goals: ['become-council-member'],
    party: 'GroenLinks-PvdA',
    meetingModes: ['in-person'],
    languages: ['nl'],
    mustHaves: {},
    availability: ['tue-evening'],
    ...over,
  };
}

/** Only one part weighs: the score is then that part's fraction × 100. */
const only = (id: ScorePartId, weight = 1): Weights => Object.fromEntries(scorePartIds.map((p) => [p, p === id ? weight : 0])) as Weights;

const part = (s: ReturnType<typeof scorePair>, id: ScorePartId) => s.parts.find((p) => p.id === id)!;

const reasonIds = (c: ReturnType<typeof compatibility>) => (c.ok ? [] : c.reasons.map((r) => r.id));

describe('geography from the CSV data', () => {
  it('knows names, provinces and neighbours', () => {
    expect(geo.nameOf(ZWOLLE)).toBe('Zwolle');
    expect(geo.nameOf(DALFSEN)).toBe('Dalfsen');
    expect(geo.provinceOf(ZWOLLE)).toBe('Overijssel');
    expect(geo.provinceOf(DALFSEN)).toBe('Overijssel');
    expect(geo.areNeighbours(ZWOLLE, DALFSEN)).toBe(true);
    expect(geo.areNeighbours(DALFSEN, ZWOLLE)).toBe(true);
    expect(geo.areNeighbours(ZWOLLE, ZWOLLE)).toBe(false);
    expect(geo.areNeighbours(ZWOLLE, DEVENTER)).toBe(false);
    expect(geo.provinceOf(DEVENTER)).toBe('Overijssel');
    expect(geo.provinceOf(AMSTERDAM)).toBe('Noord-Holland');
    expect(geo.nameOf('GM9999')).toBeUndefined();
    expect(geo.provinceOf('GM9999')).toBeUndefined();
  });

  it('loadGeography reads the same from the database', async () => {
    const handle = await openTestDatabase();
    try {
      const fromDb = await loadGeography(handle.db);
      expect(fromDb.nameOf(ZWOLLE)).toBe('Zwolle');
      expect(fromDb.provinceOf(DALFSEN)).toBe('Overijssel');
      expect(fromDb.areNeighbours(DALFSEN, ZWOLLE)).toBe(true);
      expect(fromDb.areNeighbours(ZWOLLE, DALFSEN)).toBe(true);
      expect(fromDb.areNeighbours(ZWOLLE, DEVENTER)).toBe(false);
    } finally {
      await handle.drop();
    }
  });
});

describe('compatibility (hard rules)', () => {
  it('accepts a fitting pair', () => {
    expect(compatibility(mentee(), mentor(), ctx())).toEqual({ ok: true });
  });

  it('requires the same network', () => {
    expect(reasonIds(compatibility(mentee(), mentor(), ctx({ sameNetwork: false })))).toEqual(['other-network']);
  });

  it('refuses a paused mentor until the pause ends', () => {
    const paused = mentor({ pausedUntil: new Date('2025-04-01T00:00:00Z') });
    expect(reasonIds(compatibility(mentee(), paused, ctx()))).toEqual(['mentor-paused']);
    expect(compatibility(mentee(), paused, ctx({ at: new Date('2025-04-01T00:00:00Z') }))).toEqual({ ok: true });
    expect(compatibility(mentee(), mentor({ pausedUntil: new Date('2025-01-01') }), ctx())).toEqual({ ok: true });
  });

  it('requires free capacity', () => {
    expect(reasonIds(compatibility(mentee(), mentor({ capacity: 2, activeMatches: 2 }), ctx()))).toEqual(['mentor-full']);
    expect(reasonIds(compatibility(mentee(), mentor({ capacity: 0, activeMatches: 0 }), ctx()))).toEqual(['mentor-full']);
    expect(compatibility(mentee(), mentor({ capacity: 2, activeMatches: 1 }), ctx())).toEqual({ ok: true });
  });

  it('requires a shared meeting mode', () => {
    const c = compatibility(mentee({ meetingModes: ['in-person'] }), mentor({ meetingModes: ['online'] }), ctx());
    expect(reasonIds(c)).toEqual(['no-shared-meeting-mode']);
    expect(compatibility(mentee({ meetingModes: ['online'] }), mentor({ meetingModes: ['online'] }), ctx())).toEqual({ ok: true });
  });

  it('online only: the mentor must meet online', () => {
    const m = mentee({ meetingModes: ['in-person', 'online'], mustHaves: { onlineOnly: true } });
    expect(reasonIds(compatibility(m, mentor({ meetingModes: ['in-person'] }), ctx()))).toEqual(['online-only']);
    expect(compatibility(m, mentor({ meetingModes: ['online'] }), ctx())).toEqual({ ok: true });
  });

  it('requires a shared language (case-insensitive)', () => {
    expect(reasonIds(compatibility(mentee({ languages: ['en'] }), mentor({ languages: ['nl'] }), ctx()))).toEqual(['no-shared-language']);
    expect(compatibility(mentee({ languages: ['EN', 'tr'] }), mentor({ languages: ['nl', 'en'] }), ctx())).toEqual({ ok: true });
  });

  it("respects the mentee's wish for a mentor gender", () => {
    const m = mentee({ mustHaves: { mentorGender: 'female' } });
    expect(compatibility(m, mentor({ gender: 'female' }), ctx())).toEqual({ ok: true });
    expect(reasonIds(compatibility(m, mentor({ gender: 'male' }), ctx()))).toEqual(['mentor-gender']);
    expect(reasonIds(compatibility(m, mentor({ gender: null }), ctx()))).toEqual(['mentor-gender']);
    expect(reasonIds(compatibility(m, mentor({ gender: undefined }), ctx()))).toEqual(['mentor-gender']);
  });

  it("respects the mentee's wish for the same party", () => {
    const m = mentee({ party: 'D66', mustHaves: { sameParty: true } });
    expect(compatibility(m, mentor({ party: 'D66' }), ctx())).toEqual({ ok: true });
    expect(compatibility(m, mentor({ party: ' d66 ' }), ctx())).toEqual({ ok: true });
    expect(reasonIds(compatibility(m, mentor({ party: 'VVD' }), ctx()))).toEqual(['same-party']);
    expect(reasonIds(compatibility(m, mentor({ party: null }), ctx()))).toEqual(['same-party']);
    const none = mentee({ party: 'none', mustHaves: { sameParty: true } });
    expect(reasonIds(compatibility(none, mentor({ party: null }), ctx()))).toEqual(['same-party']);
  });

  it('never proposes a declined or ended pair again', () => {
    const rules = noRules();
    rules.declinedOrEnded.add(pairKey('e1', 'r1'));
    expect(reasonIds(compatibility(mentee(), mentor(), ctx({ rules })))).toEqual(['declined-or-ended']);
    expect(compatibility(mentee({ id: 'e2' }), mentor(), ctx({ rules }))).toEqual({ ok: true });
  });

  it("respects the coordinator's forbidden pairs", () => {
    const rules = noRules();
    rules.forbidden.add('e1:r1');
    expect(reasonIds(compatibility(mentee(), mentor(), ctx({ rules })))).toEqual(['forbidden']);
    expect(compatibility(mentee(), mentor({ id: 'r2' }), ctx({ rules }))).toEqual({ ok: true });
  });

  it('lists every broken rule, each with a Dutch and an English sentence', () => {
    const rules: PairRules = { declinedOrEnded: new Set(['e1:r1']), forbidden: new Set(['e1:r1']) };
    const c = compatibility(
      mentee({ languages: ['en'], meetingModes: ['in-person'], mustHaves: { mentorGender: 'male', sameParty: true, onlineOnly: true } }),
      mentor({ pausedUntil: new Date('2030-01-01'), capacity: 1, activeMatches: 1, meetingModes: ['in-person'], party: 'VVD' }),
      ctx({ rules, sameNetwork: false }),
    );
    expect(reasonIds(c)).toEqual([
      'other-network',
      'mentor-paused',
      'mentor-full',
      'online-only',
      'no-shared-language',
      'mentor-gender',
      'same-party',
      'declined-or-ended',
      'forbidden',
    ]);
    if (c.ok) throw new Error('expected incompatible');
    for (const r of c.reasons) {
      expect(r.nl.length).toBeGreaterThan(10);
      expect(r.en.length).toBeGreaterThan(10);
      expect(r.nl).not.toBe(r.en);
    }
    expect(c.reasons.find((r) => r.id === 'mentor-full')).toMatchObject({ nl: 'De mentor heeft geen plek meer.' });
  });
});

describe('scorePair parts and sentences', () => {
  it('same municipality', () => {
    const s = scorePair(mentee(), mentor(), only('sameMunicipality'), geo);
    expect(s.score).toBe(100);
    expect(part(s, 'sameMunicipality').explanation).toEqual({ nl: 'Jullie wonen allebei in Zwolle', en: 'You both live in Zwolle' });
    const far = scorePair(mentee(), mentor({ municipalityCode: DALFSEN }), only('sameMunicipality'), geo);
    expect(far.score).toBe(0);
    expect(part(far, 'sameMunicipality').explanation).toBeNull();
  });

  it('neighbouring municipality', () => {
    const s = scorePair(mentee(), mentor({ municipalityCode: DALFSEN }), only('neighbouringMunicipality'), geo);
    expect(s.score).toBe(100);
    expect(part(s, 'neighbouringMunicipality').explanation).toEqual({
      nl: 'Jullie gemeenten grenzen aan elkaar: Zwolle en Dalfsen',
      en: 'Your municipalities border each other: Zwolle and Dalfsen',
    });
    // The same municipality is not its own neighbour; a non-bordering one neither.
    expect(scorePair(mentee(), mentor(), only('neighbouringMunicipality'), geo).score).toBe(0);
    expect(scorePair(mentee(), mentor({ municipalityCode: DEVENTER }), only('neighbouringMunicipality'), geo).score).toBe(0);
  });

  it('same province', () => {
    const s = scorePair(mentee(), mentor({ municipalityCode: DEVENTER }), only('sameProvince'), geo);
    expect(s.score).toBe(100);
    expect(part(s, 'sameProvince').explanation).toEqual({ nl: 'Jullie wonen allebei in Overijssel', en: 'You both live in Overijssel' });
    expect(scorePair(mentee(), mentor({ municipalityCode: AMSTERDAM }), only('sameProvince'), geo).score).toBe(0);
    // Unknown municipalities never share a province.
    expect(scorePair(mentee({ municipalityCode: 'GM9998' }), mentor({ municipalityCode: 'GM9999' }), only('sameProvince'), geo).score).toBe(
      0,
    );
    expect(scorePair(mentee({ municipalityCode: 'GM9999' }), mentor({ municipalityCode: 'GM9999' }), only('sameProvince'), geo).score).toBe(
      0,
    );
  });

  it('gives each reason once, by meaning: the province is left out when the municipality is already said', () => {
    const GRONINGEN = 'GM0014'; // the city, in the province of the same name
    const here = { municipalityCode: GRONINGEN };
    const s = scorePair(mentee(here), mentor(here), defaultWeights, geo);
    const sentences = s.parts.flatMap((p) => (p.explanation ? [p.explanation.nl, p.explanation.en] : []));
    expect(sentences.filter((x) => x === 'Jullie wonen allebei in Groningen')).toHaveLength(1);
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(part(s, 'sameMunicipality').explanation).toEqual({ nl: 'Jullie wonen allebei in Groningen', en: 'You both live in Groningen' });
    expect(part(s, 'sameProvince')).toMatchObject({ explanation: null, mentorExplanation: null });
    // The province still counts in the score; only its sentence goes.
    expect(part(s, 'sameProvince').points).toBeGreaterThan(0);
    // Where the names differ, the province adds nothing either once the municipality is said …
    const zwolle = scorePair(mentee(), mentor(), defaultWeights, geo);
    expect(part(zwolle, 'sameProvince').explanation).toBeNull();
    // … but it is the reason given when only the province is shared.
    const deventer = scorePair(mentee(), mentor({ municipalityCode: DEVENTER }), defaultWeights, geo);
    expect(part(deventer, 'sameProvince').explanation?.nl).toBe('Jullie wonen allebei in Overijssel');
  });

  it('shared themes: share of the mentee themes, listed with "en"/"and"', () => {
    const two = scorePair(mentee({ themes: ['zorg', 'onderwijs', 'wonen'] }), mentor(), only('sharedThemes'), geo);
    expect(two.score).toBe(67); // 2/3
    expect(part(two, 'sharedThemes').explanation).toEqual({
      nl: "2 gedeelde thema's: zorg en onderwijs",
      en: '2 shared themes: care and education',
    });
    const one = scorePair(mentee({ themes: ['zorg', 'wonen'] }), mentor(), only('sharedThemes'), geo);
    expect(one.score).toBe(50);
    expect(part(one, 'sharedThemes').explanation).toEqual({ nl: '1 gedeeld thema: zorg', en: '1 shared theme: care' });
    const three = scorePair(
      mentee({ themes: ['zorg', 'onderwijs', 'Fietsen'] }),
      mentor({ themes: ['fietsen', 'onderwijs', 'zorg'] }),
      only('sharedThemes'),
      geo,
    );
    expect(three.score).toBe(100);
    expect(part(three, 'sharedThemes').explanation).toEqual({
      nl: "3 gedeelde thema's: zorg, onderwijs en fietsen",
      en: '3 shared themes: care, education and fietsen',
    });
    expect(scorePair(mentee({ themes: [] }), mentor(), only('sharedThemes'), geo).score).toBe(0);
    expect(part(scorePair(mentee({ themes: ['wonen'] }), mentor(), only('sharedThemes'), geo), 'sharedThemes').explanation).toBeNull();
  });

  it('office fit with the goals', () => {
    const alderman = scorePair(mentee({ goals: ['run-for-alderman'] }), mentor({ office: 'alderman' }), only('officeFit'), geo);
    expect(alderman.score).toBe(100);
    expect(part(alderman, 'officeFit').explanation).toEqual({
      nl: 'Je mentor is wethouder: dat past bij je doel om wethouder te worden',
      en: 'Your mentor is an alderman: that fits your goal to become an alderman',
    });
    expect(part(alderman, 'officeFit').mentorExplanation).toEqual({
      nl: 'Je bent wethouder: dat past bij het doel van je mentee: om wethouder te worden',
      en: "You are an alderman: that fits your mentee's goal to become an alderman",
    });
    const council = scorePair(mentee({ goals: ['become-council-member'] }), mentor({ office: 'council-member' }), only('officeFit'), geo);
    expect(council.score).toBe(100);
    expect(part(council, 'officeFit').explanation?.nl).toBe('Je mentor is raadslid: dat past bij je doel om raadslid te worden');
    expect(part(council, 'officeFit').mentorExplanation).toEqual({
      nl: 'Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden',
      en: "You are a council member: that fits your mentee's goal to become a council member",
    });
    const former = scorePair(mentee({ goals: ['become-council-member'] }), mentor({ office: 'former' }), only('officeFit'), geo);
    expect(former.score).toBe(100);
    // Partial fit, and the best goal wins.
    expect(scorePair(mentee({ goals: ['run-for-alderman'] }), mentor({ office: 'council-member' }), only('officeFit'), geo).score).toBe(50);
    const best = scorePair(
      mentee({ goals: ['run-for-alderman', 'join-party'] }),
      mentor({ office: 'council-member' }),
      only('officeFit'),
      geo,
    );
    expect(best.score).toBe(100);
    expect(part(best, 'officeFit').explanation?.nl).toBe('Je mentor is raadslid: dat past bij je doel om lid te worden van een partij');
    // No fit at all, unknown goals, no goals.
    const none = scorePair(mentee({ goals: ['become-provincial'] }), mentor({ office: 'council-member' }), only('officeFit'), geo);
    expect(none.score).toBe(0);
    expect(part(none, 'officeFit').explanation).toBeNull();
    expect(part(none, 'officeFit').mentorExplanation).toBeNull();
    expect(scorePair(mentee({ goals: ['world-peace'] }), mentor(), only('officeFit'), geo).score).toBe(0);
    expect(scorePair(mentee({ goals: [] }), mentor(), only('officeFit'), geo).score).toBe(0);
  });

  it('party preference: same 1, none yet 0.5, different 0', () => {
    const same = scorePair(mentee({ party: 'D66' }), mentor({ party: 'D66' }), only('partyPreference'), geo);
    expect(same.score).toBe(100);
    expect(part(same, 'partyPreference').explanation).toEqual({
      nl: 'Jullie zijn lid van dezelfde partij',
      en: 'You are members of the same party',
    });
    expect(part(same, 'partyPreference').mentorExplanation).toEqual(part(same, 'partyPreference').explanation);
    for (const party of ['none', null]) {
      const open = scorePair(mentee({ party }), mentor({ party: 'D66' }), only('partyPreference'), geo);
      expect(open.score).toBe(50);
      expect(part(open, 'partyPreference').explanation).toEqual({
        nl: 'Je hebt nog geen partij: je mentor kan je helpen kiezen',
        en: 'You have no party yet: your mentor can help you choose',
      });
      expect(part(open, 'partyPreference').mentorExplanation).toEqual({
        nl: 'Je mentee heeft nog geen partij: jij kunt helpen kiezen',
        en: 'Your mentee has no party yet: you can help them choose',
      });
    }
    const other = scorePair(mentee({ party: 'D66' }), mentor({ party: 'VVD' }), only('partyPreference'), geo);
    expect(other.score).toBe(0);
    expect(part(other, 'partyPreference').explanation).toBeNull();
    expect(scorePair(mentee({ party: 'D66' }), mentor({ party: null }), only('partyPreference'), geo).score).toBe(0);
  });

  it('availability overlap: share of the mentee slots, in words', () => {
    const s = scorePair(mentee({ availability: ['tue-evening', 'sat-morning'] }), mentor(), only('availabilityOverlap'), geo);
    expect(s.score).toBe(50);
    expect(part(s, 'availabilityOverlap').explanation).toEqual({
      nl: 'Jullie kunnen allebei op dinsdagavond',
      en: 'You are both available on Tuesday evening',
    });
    const two = scorePair(
      mentee({ availability: ['mon-afternoon', 'thu-evening', 'sun-morning'] }),
      mentor({ availability: ['thu-evening', 'mon-afternoon'] }),
      only('availabilityOverlap'),
      geo,
    );
    expect(two.score).toBe(67);
    expect(part(two, 'availabilityOverlap').explanation).toEqual({
      nl: 'Jullie kunnen allebei op maandagmiddag en donderdagavond',
      en: 'You are both available on Monday afternoon and Thursday evening',
    });
    const none = scorePair(mentee({ availability: ['wed-morning'] }), mentor(), only('availabilityOverlap'), geo);
    expect(none.score).toBe(0);
    expect(part(none, 'availabilityOverlap').explanation).toBeNull();
    expect(scorePair(mentee({ availability: [] }), mentor(), only('availabilityOverlap'), geo).score).toBe(0);
  });

  it('words every sentence for the mentor too: "Jullie …" the same, never addressed to the mentee', () => {
    // Every part contributes: Zwolle–Dalfsen borders and shares the province; no party yet.
    const s = scorePair(mentee({ party: null }), mentor({ municipalityCode: DALFSEN }), defaultWeights, geo);
    const contributing = s.parts.filter((p) => p.points > 0);
    expect(contributing.map((p) => p.id)).toEqual([
      'neighbouringMunicipality',
      'sameProvince',
      'sharedThemes',
      'officeFit',
      'partyPreference',
      'availabilityOverlap',
    ]);
    for (const p of s.parts) {
      expect(p.mentorExplanation === null).toBe(p.explanation === null);
      if (!p.mentorExplanation) continue;
      expect(p.mentorExplanation.nl).not.toMatch(menteeWording);
      expect(p.mentorExplanation.en).not.toMatch(menteeWording);
      if (p.id !== 'officeFit' && p.id !== 'partyPreference') expect(p.mentorExplanation).toEqual(p.explanation);
      else {
        // The mentee's own sentence is what the check above must catch.
        expect(p.explanation!.nl).toMatch(menteeWording);
        expect(p.explanation!.en).toMatch(menteeWording);
      }
    }
  });

  it('slot and list words', () => {
    expect(slotWords('fri-afternoon')).toEqual({ nl: 'vrijdagmiddag', en: 'Friday afternoon' });
    expect(slotWords('wed')).toEqual({ nl: 'woensdag', en: 'Wednesday' });
    expect(slotWords('lunch')).toEqual({ nl: 'lunch', en: 'lunch' });
    expect(slotWords('mon-night')).toEqual({ nl: 'mon-night', en: 'mon-night' });
    expect(joinWords([], 'en')).toBe('');
    expect(joinWords(['a'], 'en')).toBe('a');
    expect(joinWords(['a', 'b', 'c'], 'and')).toBe('a, b and c');
  });
});

describe('score', () => {
  it('is the rounded weighted mean of the parts, with points per part', () => {
    // Zwolle–Dalfsen: neighbours and same province; 1 of 2 themes; office fits; party differs; no slot shared.
    const s = scorePair(
      mentee({ themes: ['zorg', 'wonen'], party: 'D66', availability: ['mon-morning'] }),
      mentor({ municipalityCode: DALFSEN, party: 'VVD' }),
      defaultWeights,
      geo,
    );
    // (15 + 10 + 20×0.5 + 15) / 100 = 50
    expect(s.score).toBe(50);
    expect(s.parts.map((p) => p.id)).toEqual([...scorePartIds]);
    expect(s.parts.map((p) => p.points)).toEqual([0, 15, 10, 10, 15, 0, 0]);
    expect(s.parts.filter((p) => p.explanation).map((p) => p.id)).toEqual([
      'neighbouringMunicipality',
      'sameProvince',
      'sharedThemes',
      'officeFit',
    ]);
    expect(part(s, 'sharedThemes')).toMatchObject({ fraction: 0.5, weight: 20 });
  });

  it('a perfect pair scores 100, a pair with nothing in common 0', () => {
    expect(scorePair(mentee(), mentor(), defaultWeights, geo).score).toBe(100 - defaultWeights.neighbouringMunicipality);
    const all: Weights = { ...defaultWeights, neighbouringMunicipality: 0 };
    expect(scorePair(mentee(), mentor(), all, geo).score).toBe(100);
    const nothing = scorePair(
      mentee({ themes: ['wonen'], goals: [], party: 'D66', availability: ['mon-morning'] }),
      mentor({ municipalityCode: AMSTERDAM, party: 'VVD' }),
      defaultWeights,
      geo,
    );
    expect(nothing.score).toBe(0);
    expect(nothing.parts.every((p) => p.explanation === null && p.points === 0)).toBe(true);
  });

  it('rounds halves up, exactly', () => {
    // 1 of 8 themes = 12.5 → 13; 3 of 8 = 37.5 → 38; 1 of 3 = 33.33 → 33.
    const themes = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);
    expect(scorePair(mentee({ themes: themes(8) }), mentor({ themes: ['t0'] }), only('sharedThemes'), geo).score).toBe(13);
    expect(scorePair(mentee({ themes: themes(8) }), mentor({ themes: ['t0', 't1', 't2'] }), only('sharedThemes'), geo).score).toBe(38);
    expect(scorePair(mentee({ themes: themes(3) }), mentor({ themes: ['t0'] }), only('sharedThemes'), geo).score).toBe(33);
    // Weighted: party 0.5 with weight 1, municipality 0 with weight 199 → 100 × 0.5 / 200 = 0.25 → 0.
    const w: Weights = { ...only('partyPreference', 1), sameMunicipality: 199 };
    expect(scorePair(mentee({ party: null }), mentor({ municipalityCode: AMSTERDAM }), w, geo).score).toBe(0);
    // Municipality weight 1 → 100 × 0.5 / 2 = 25; weight 3 → 100 × 0.5 / 4 = 12.5 → 13.
    expect(
      scorePair(mentee({ party: null }), mentor({ municipalityCode: AMSTERDAM }), { ...only('partyPreference'), sameMunicipality: 1 }, geo)
        .score,
    ).toBe(25);
    expect(
      scorePair(mentee({ party: null }), mentor({ municipalityCode: AMSTERDAM }), { ...only('partyPreference'), sameMunicipality: 3 }, geo)
        .score,
    ).toBe(13);
  });

  it('all weights 0 gives 0 and no sentences; a weight of 0 removes a part', () => {
    const zero = only('sameMunicipality', 0);
    const s = scorePair(mentee(), mentor(), zero, geo);
    expect(s.score).toBe(0);
    expect(s.parts.every((p) => p.points === 0 && p.explanation === null)).toBe(true);
    // Municipality fits but weighs 0; themes half: score is 50 and municipality has no sentence.
    const w: Weights = { ...only('sharedThemes'), sameMunicipality: 0 };
    const t = scorePair(mentee({ themes: ['zorg', 'wonen'] }), mentor(), w, geo);
    expect(t.score).toBe(50);
    expect(part(t, 'sameMunicipality')).toMatchObject({ fraction: 1, weight: 0, points: 0, explanation: null });
  });

  it('rejects weights that are not integers ≥ 0', () => {
    expect(() => scorePair(mentee(), mentor(), { ...defaultWeights, sharedThemes: -1 }, geo)).toThrow(RangeError);
    expect(() => scorePair(mentee(), mentor(), { ...defaultWeights, officeFit: 1.5 }, geo)).toThrow(/officeFit/);
    expect(() => buildEdges([mentee()], [mentor()], { ...defaultWeights, sameProvince: NaN }, geo, ctx())).toThrow(RangeError);
  });

  it('stays an integer within 0–100 and is deterministic on random pairs', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const some = <T>(xs: readonly T[]) => xs.filter(() => random() < 0.5);
    const codes = [ZWOLLE, DALFSEN, DEVENTER, AMSTERDAM, 'GM9999'];
    const themes = ['zorg', 'onderwijs', 'wonen', 'klimaat', 'sport'];
    const slots = ['mon-evening', 'tue-evening', 'sat-morning', 'wed-afternoon'];
    const goals = ['become-council-member', 'understand-council', 'run-for-alderman', 'join-party'];
    const offices = ['council-member', 'alderman', 'mayor', 'provincial', 'former'] as const;
    const parties = ['D66', 'VVD', null, 'none'];
    for (let i = 0; i < 500; i++) {
      const e = mentee({
        municipalityCode: pick(codes),
        themes: some(themes),
        goals: some(goals),
        party: pick(parties),
        availability: some(slots),
      });
      const r = mentor({
        municipalityCode: pick(codes),
        themes: some(themes),
        office: pick(offices),
        party: pick(parties),
        availability: some(slots),
      });
      const w = Object.fromEntries(scorePartIds.map((id) => [id, Math.floor(random() * 4) * Math.floor(random() * 30)])) as Weights;
      const a = scorePair(e, r, w, geo);
      expect(Number.isInteger(a.score)).toBe(true);
      expect(a.score).toBeGreaterThanOrEqual(0);
      expect(a.score).toBeLessThanOrEqual(100);
      const total = scorePartIds.reduce((sum, id) => sum + w[id], 0);
      const expected = total === 0 ? 0 : a.parts.reduce((sum, p) => sum + p.points, 0);
      expect(Math.abs(a.score - expected)).toBeLessThanOrEqual(0.5 + 1e-9);
      expect(scorePair(structuredClone(e), structuredClone(r), { ...w }, geo)).toEqual(a);
    }
  });
});

describe('mentorWording of stored reasons', () => {
  it('takes the stored mentor sentence', () => {
    const stored = { nl: 'Je mentor is raadslid', en: 'Your mentor is a council member', mentor: { nl: 'Eigen zin', en: 'Own sentence' } };
    expect(mentorWording(stored)).toEqual({ nl: 'Eigen zin', en: 'Own sentence' });
  });

  it('rewords reasons stored with only the mentee sentence exactly as new ones are worded', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const some = <T>(xs: readonly T[]) => xs.filter(() => random() < 0.5);
    const offices = ['council-member', 'alderman', 'mayor', 'provincial', 'former'] as const;
    const goals = ['become-council-member', 'understand-council', 'run-for-alderman', 'join-party', 'become-provincial', 'become-mayor'];
    const seen = new Set<string>();
    for (let i = 0; i < 300; i++) {
      const s = scorePair(
        mentee({ goals: some(goals), party: pick(['D66', null, 'none']), municipalityCode: pick([ZWOLLE, DALFSEN, DEVENTER]) }),
        mentor({ office: pick(offices), party: pick(['D66', 'VVD']) }),
        defaultWeights,
        geo,
      );
      for (const p of s.parts) {
        if (!p.explanation) continue;
        seen.add(p.id);
        // A row from before: only `nl`/`en`, in the mentee's words.
        const legacy = { id: p.id, points: p.points, nl: p.explanation.nl, en: p.explanation.en };
        expect(mentorWording(legacy)).toEqual(p.mentorExplanation);
        expect(mentorWording({ ...legacy, mentor: p.mentorExplanation })).toEqual(p.mentorExplanation);
      }
    }
    expect(seen).toEqual(new Set(scorePartIds));
  });

  it('leaves a sentence it does not know as it is', () => {
    expect(mentorWording({ nl: 'Iets anders', en: 'Something else' })).toEqual({ nl: 'Iets anders', en: 'Something else' });
  });
});

describe('buildEdges', () => {
  const mentors = [
    mentor({ id: 'r1' }),
    mentor({ id: 'r2', municipalityCode: DALFSEN, capacity: 1, activeMatches: 1 }),
    mentor({ id: 'r3', municipalityCode: AMSTERDAM, languages: ['en'] }),
    mentor({ id: 'r4', municipalityCode: DEVENTER, pausedUntil: new Date('2030-01-01') }),
  ];

  it('gives edges for compatible pairs only, with the pair score', () => {
    const mentees = [mentee({ id: 'e1' }), mentee({ id: 'e2', languages: ['en', 'nl'], municipalityCode: AMSTERDAM })];
    const built = buildEdges(mentees, mentors, defaultWeights, geo, ctx());
    expect(built.edges).toEqual([
      { mentee: 'e1', mentor: 'r1', score: scorePair(mentees[0]!, mentors[0]!, defaultWeights, geo).score },
      { mentee: 'e2', mentor: 'r1', score: scorePair(mentees[1]!, mentors[0]!, defaultWeights, geo).score },
      { mentee: 'e2', mentor: 'r3', score: scorePair(mentees[1]!, mentors[2]!, defaultWeights, geo).score },
    ]);
    expect(built.unmatchable).toEqual([]);
    for (const edge of built.edges) expect(Number.isInteger(edge.score)).toBe(true);
    // The engine takes the edges as they are.
    const result = solveAssignment({
      mentors: mentors.map((m) => ({ id: m.id, capacity: Math.max(0, m.capacity - m.activeMatches) })),
      mentees,
      edges: built.edges,
    });
    expect(result.matched).toBe(2);
  });

  it('gives each mentee without an edge the reason', () => {
    const mentees = [
      mentee({ id: 'full', mustHaves: { mentorGender: 'female' }, languages: ['nl'] }), // r1 forbidden, r2 full
      mentee({ id: 'paused', languages: ['nl'] }), // r1 declined, r2 forbidden, r4 paused
      mentee({ id: 'nobody', languages: ['fy'] }),
      mentee({ id: 'ok' }),
    ];
    const rules: PairRules = {
      declinedOrEnded: new Set(['paused:r1']),
      forbidden: new Set(['full:r1', 'paused:r2']),
    };
    const built = buildEdges(mentees, mentors, defaultWeights, geo, { at: AT, rules });
    expect(built.edges.map((e) => `${e.mentee}:${e.mentor}`)).toEqual(['ok:r1']);
    expect(built.unmatchable.map((u) => [u.mentee, u.reason])).toEqual([
      ['full', 'all-compatible-mentors-full'],
      ['paused', 'all-compatible-mentors-paused'],
      ['nobody', 'no-compatible-mentor'],
    ]);
    for (const u of built.unmatchable) {
      expect(u.explanation.nl).toBeTruthy();
      expect(u.explanation.en).toBeTruthy();
    }
  });

  it('a mentor who is full and otherwise incompatible does not count as full', () => {
    const built = buildEdges([mentee({ id: 'e', languages: ['en'] })], [mentor({ capacity: 0 })], defaultWeights, geo, ctx());
    expect(built.unmatchable).toEqual([expect.objectContaining({ mentee: 'e', reason: 'no-compatible-mentor' })]);
  });

  it('checks the network per pair when asked', () => {
    const built = buildEdges([mentee({ id: 'a' }), mentee({ id: 'b' })], [mentor({ id: 'r1' })], defaultWeights, geo, {
      at: AT,
      rules: noRules(),
      sameNetwork: (e) => e.id === 'a',
    });
    expect(built.edges.map((e) => e.mentee)).toEqual(['a']);
    expect(built.unmatchable).toEqual([expect.objectContaining({ mentee: 'b', reason: 'no-compatible-mentor' })]);
  });

  it('no mentors: every mentee has no compatible mentor; no mentees: nothing', () => {
    expect(buildEdges([mentee()], [], defaultWeights, geo, ctx()).unmatchable.map((u) => u.reason)).toEqual(['no-compatible-mentor']);
    expect(buildEdges([], mentors, defaultWeights, geo, ctx())).toEqual({ edges: [], unmatchable: [] });
  });

  it('is deterministic', () => {
    const mentees = [mentee({ id: 'e1' }), mentee({ id: 'e2', municipalityCode: DALFSEN, themes: ['zorg'] })];
    expect(buildEdges(mentees, mentors, defaultWeights, geo, ctx())).toEqual(buildEdges(mentees, mentors, defaultWeights, geo, ctx()));
  });
});

// Course data for the demo seed and the catalogue benchmark: deterministic plans (a seeded
// pseudo-random generator picks places, themes and numbers) that become rows with ids made here,
// so that a whole catalogue goes into the database in a handful of batched inserts.
import { randomUUID } from 'node:crypto';
import type { Db } from './client.server';
import { courseQuestions, courseSessions, courses, registrations, sessionAttendance, type CourseFormat } from './schema';
import { readMunicipalityData } from './migrate.server';

const DAY = 24 * 60 * 60_000;
const HOUR = 60 * 60_000;
const TZ = 'Europe/Amsterdam';

type CourseRow = typeof courses.$inferInsert & { id: string };
type SessionRow = typeof courseSessions.$inferInsert & { id: string };
type QuestionRow = typeof courseQuestions.$inferInsert & { id: string };
type RegistrationRow = typeof registrations.$inferInsert & { id: string };
type AttendanceRow = typeof sessionAttendance.$inferInsert;

/** One course with everything that hangs off it, ready to insert. */
export type CoursePlan = {
  course: CourseRow;
  sessions: SessionRow[];
  questions: QuestionRow[];
  registrations: RegistrationRow[];
  attendance: AttendanceRow[];
};

export type SeedMunicipality = { code: string; name: string; province: string; inhabitants: number };

// ---------------------------------------------------------------------------------------------
// Randomness and time

/** mulberry32: a small seeded generator, so every seed picks the same places and numbers. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof createRandom>;

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: TZ,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function amsterdamParts(date: Date) {
  const parts = Object.fromEntries(wallClock.formatToParts(date).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), mi: Number(parts.minute) };
}

/** The instant at which it is hh:mm on the given calendar day in Amsterdam (summer and winter time). */
export function amsterdamInstant(y: number, m: number, d: number, hour: number, minute: number): Date {
  const wanted = Date.UTC(y, m - 1, d, hour, minute);
  const offsetAt = (t: number) => {
    const p = amsterdamParts(new Date(t));
    return Date.UTC(p.y, p.m - 1, p.d, p.h, p.mi) - Math.floor(t / 60_000) * 60_000;
  };
  let t = wanted - offsetAt(wanted);
  t = wanted - offsetAt(t);
  return new Date(t);
}

/** The Amsterdam calendar day `days` after the one `base` falls on, as [y, m, d] and weekday (0 = Sunday). */
function amsterdamDay(base: Date, days: number) {
  const p = amsterdamParts(base);
  const day = new Date(Date.UTC(p.y, p.m - 1, p.d + days));
  return { y: day.getUTCFullYear(), m: day.getUTCMonth() + 1, d: day.getUTCDate(), weekday: day.getUTCDay() };
}

/** An evening session 19:30–21:30 Amsterdam time, `days` after the day of `base`. */
export function eveningSession(base: Date, days: number) {
  const { y, m, d } = amsterdamDay(base, days);
  return { startsAt: amsterdamInstant(y, m, d, 19, 30), endsAt: amsterdamInstant(y, m, d, 21, 30) };
}

/** Moves a day offset to the nearest Tuesday, Wednesday or Thursday (at most two days either way). */
function onCourseEvening(base: Date, days: number) {
  const shift = [2, 1, 0, 0, 0, -1, -2][amsterdamDay(base, days).weekday]!;
  return days + shift;
}

// ---------------------------------------------------------------------------------------------
// Places

/** The municipalities from db/data/gemeenten.csv (the same data the migration loads). */
export function seedMunicipalities(): SeedMunicipality[] {
  return readMunicipalityData().rows.map(({ code, name, province, inhabitants }) => ({ code, name, province, inhabitants }));
}

/** The largest municipality of every province, in a stable order. */
export function largestPerProvince(all: SeedMunicipality[]) {
  const best = new Map<string, SeedMunicipality>();
  for (const m of all) {
    const current = best.get(m.province);
    if (!current || m.inhabitants > current.inhabitants) best.set(m.province, m);
  }
  return [...best.values()].sort((a, b) => a.province.localeCompare(b.province, 'nl'));
}

/** A pseudo-random municipality, weighted by the square root of its population (towns appear too). */
function weightedPicker(all: SeedMunicipality[], random: Random) {
  const sorted = [...all].sort((a, b) => a.code.localeCompare(b.code));
  const weights = sorted.map((m) => Math.sqrt(m.inhabitants));
  const total = weights.reduce((a, b) => a + b, 0);
  return () => {
    let r = random.next() * total;
    for (let i = 0; i < sorted.length; i++) {
      r -= weights[i]!;
      if (r <= 0) return sorted[i]!;
    }
    return sorted.at(-1)!;
  };
}

// ---------------------------------------------------------------------------------------------
// What the courses say

type Theme = {
  title: string; // {plaats} becomes the municipality
  sessions: number;
  description: string;
  online?: boolean;
  language?: 'nl' | 'en';
};

const themes = {
  politiekActief: {
    title: 'Politiek Actief in {plaats}',
    sessions: 4,
    description: `Altijd al willen weten hoe de gemeente {plaats} beslist over jouw straat, de bibliotheek of het zwembad? In vier avonden leer je hoe de gemeenteraad werkt, wat het college doet en hoe jij invloed hebt.

Je praat met raadsleden van verschillende partijen, bereidt een eigen inbreng voor en oefent die in de raadszaal. Na afloop weet je of het raadswerk iets voor je is, en hoe je verder kunt: als inspreker, commissielid, steunfractielid of kandidaat bij de volgende verkiezingen.

Voorkennis is niet nodig. Iedereen vanaf 16 jaar die in of bij {plaats} woont is welkom.`,
  },
  gemeenteraad: {
    title: 'Hoe werkt de gemeenteraad?',
    sessions: 1,
    description: `Een avond over de basis: wat doet de gemeenteraad, wie zit erin en hoe komt een besluit tot stand? Aan de hand van een echt raadsvoorstel volg je de weg van agenda tot stemming.

Je leert de raadsinformatie van je eigen gemeente lezen en hoort van een ervaren raadslid hoe een gewone week eruitziet. Een goede eerste stap als je nieuwsgierig bent naar de lokale politiek.`,
  },
  kandidaat: {
    title: 'Raadslid worden? Zo word je kandidaat',
    sessions: 2,
    description: `Wil je op de kieslijst voor de gemeenteraadsverkiezingen? In twee avonden hoor je hoe partijen kandidaten kiezen, wat er van een raadslid verwacht wordt en hoeveel tijd het kost naast werk en gezin.

Je maakt een persoonlijk plan: welke partij past bij je, wie spreek je aan en hoe laat je zien wat je meebrengt. Met tips van raadsleden die zelf als nieuwkomer begonnen.`,
  },
  debat: {
    title: 'Debatteren en spreken in de raad',
    sessions: 3,
    description: `Spreken in de raadszaal is een vak. In drie avonden oefen je een korte bijdrage, een interruptie en een motie, en krijg je feedback van een debattrainer en een oud-raadslid.

We oefenen in kleine groepen, zodat iedereen aan de beurt komt. Je hoeft geen ervaring te hebben: spanning hoort erbij en daar leer je mee omgaan.`,
  },
  begroting: {
    title: 'De gemeentebegroting ontrafeld',
    sessions: 2,
    description: `De begroting is het belangrijkste stuk van het jaar: daarin kiest de raad waar het geld heen gaat. In twee avonden leer je een begroting lezen, de grote posten herkennen en goede vragen stellen.

Met voorbeelden uit de begroting van {plaats} en een oefening waarin je zelf moet schuiven met een krap budget.`,
  },
  burgemeester: {
    title: 'Burgemeester, raad en college: wie doet wat?',
    sessions: 1,
    description: `Wie neemt in de gemeente welke beslissing? Een (oud-)burgemeester vertelt over de verhouding tussen raad, college en burgemeester, over openbare orde en over integriteit.

Er is volop ruimte voor vragen. Geschikt voor iedereen die de lokale democratie beter wil begrijpen, of je nu zelf de politiek in wilt of niet.`,
  },
  wethouder: {
    title: 'Van raadslid tot wethouder',
    sessions: 2,
    description: `Wat verandert er als je van de raad naar het college gaat? Wethouders vertellen over coalities, portefeuilles, samenwerken met ambtenaren en verantwoording afleggen aan de raad.

Voor raadsleden, steunfractieleden en iedereen die verder kijkt dan de volgende verkiezingen.`,
  },
  lokalePartij: {
    title: 'Een lokale partij: oprichten, versterken, kandidaten vinden',
    sessions: 3,
    description: `Lokale partijen zijn in veel gemeenten de grootste. In drie avonden gaat het over wat erbij komt kijken: statuten, een programma, de registratie bij het centraal stembureau, geld en vrijwilligers.

Je leert van lokale partijen die het al gedaan hebben, en je gaat naar huis met een werkplan voor de komende maanden.`,
  },
  jongeren: {
    title: 'Jong en politiek actief in {plaats}',
    sessions: 3,
    description: `Ben je tussen de 16 en 27 en heb je een mening over wonen, studeren of uitgaan in {plaats}? Dan is dit je kans om te ontdekken hoe je daar echt iets aan verandert.

Drie avonden met jonge raadsleden, een bezoek aan een raadsvergadering en een eigen voorstel dat je presenteert aan echte politici.`,
  },
  inspreker: {
    title: 'Van inspreker tot raadslid',
    sessions: 2,
    description: `Je hoeft geen raadslid te zijn om invloed te hebben. Je kunt inspreken, een burgerinitiatief indienen of een petitie aanbieden. In twee avonden leer je hoe, en oefen je een inspreekbijdrage van drie minuten.

Wie de smaak te pakken krijgt, hoort ook hoe de stap naar een partij en de kieslijst eruitziet.`,
  },
  participatie: {
    title: 'Samen met inwoners: participatie en burgerberaad',
    sessions: 2,
    description: `Gemeenten betrekken inwoners steeds vaker bij besluiten: met wijkgesprekken, een burgerberaad of een digitaal panel. Wat werkt, en wat is de rol van de raad?

Twee avonden met voorbeelden uit verschillende gemeenten en een oefening waarin je zelf een participatietraject opzet.`,
  },
  integriteit: {
    title: "Integriteit en dilemma's in het lokaal bestuur",
    sessions: 1,
    description: `Mag je als raadslid meebeslissen over de sportclub waar je in het bestuur zit? Wat doe je met een uitnodiging voor een etentje? Aan de hand van echte dilemma's bespreken we wat integer handelen is.

Onder leiding van een burgemeester met veel ervaring in integriteitsvraagstukken.`,
  },
  online: {
    title: 'Politiek Actief online: de gemeente in vier avonden',
    sessions: 4,
    online: true,
    description: `Dezelfde cursus als Politiek Actief op locatie, maar dan vanuit huis. In vier online avonden leer je hoe de gemeenteraad werkt en hoe jij invloed hebt, met deelnemers uit het hele land.

Je hebt een computer of tablet met camera en microfoon nodig. De link naar de bijeenkomsten krijg je na je aanmelding.`,
  },
  english: {
    title: 'Local politics in the Netherlands: an introduction',
    sessions: 2,
    language: 'en',
    description: `Did you know that EU citizens and many other residents may vote, and stand for election, in Dutch municipal elections? In two evenings you learn how the municipal council works, how a decision is made and how you can take part.

The course is in English and meant for newcomers and internationals living in or near {plaats}. No prior knowledge needed.`,
  },
} satisfies Record<string, Theme>;
type ThemeKey = keyof typeof themes;

// Which organisation gives which courses.
const themesByOrganisation: Record<string, ThemeKey[]> = {
  nvr: ['politiekActief', 'gemeenteraad', 'kandidaat', 'debat', 'jongeren', 'online', 'inspreker'],
  wethoudersvereniging: ['wethouder', 'begroting', 'participatie', 'gemeenteraad', 'politiekActief'],
  ngb: ['burgemeester', 'integriteit', 'gemeenteraad', 'participatie'],
  klpp: ['lokalePartij', 'kandidaat', 'politiekActief', 'online', 'inspreker'],
};

const venues = ['Stadhuis', 'Gemeentehuis', 'Bibliotheek', 'Cultuurhuis', 'Buurthuis De Schakel', 'Raadhuis', 'Wijkcentrum De Brug'];
const streets = ['Markt', 'Raadhuisplein', 'Stationsplein', 'Kerkstraat', 'Stadhuisplein', 'Dorpsstraat', 'Molenweg', 'Schoolstraat'];

const accessibilityInPerson = [
  'Rolstoeltoegankelijk, ringleiding aanwezig in de zaal.',
  'Rolstoeltoegankelijk via de zij-ingang; invalidentoilet op de begane grond. Parkeerplaatsen voor mensen met een beperking voor de deur.',
  'Lift aanwezig; ringleiding op aanvraag. Geleidehonden zijn welkom.',
  'De zaal is op de eerste verdieping, met lift. Er is een prikkelarme ruimte voor de pauze.',
  'Gelijkvloers en rolstoeltoegankelijk. Op verzoek is een tolk Nederlandse Gebarentaal aanwezig: geef dit aan bij je aanmelding.',
  'Drempelvrij, invalidentoilet aanwezig. Het gebouw ligt op vijf minuten lopen van het station.',
];
const accessibilityOnline =
  'Online via de browser, zonder installatie. Automatische ondertiteling staat aan; de presentaties krijg je vooraf als toegankelijke pdf.';
const accessibilityHybrid = ' Je kunt ook online meedoen; de bijeenkomst wordt live ondertiteld.';

type QuestionSpec = { kind: 'text' | 'choice' | 'yes-no'; label: string; options?: string[]; required: boolean };
const questionSets: QuestionSpec[][] = [
  [
    { kind: 'choice', label: 'Ben je lid van een politieke partij?', options: ['Ja', 'Nee', 'Ik twijfel nog'], required: true },
    { kind: 'text', label: 'Wat wil je na deze cursus kunnen?', required: false },
  ],
  [
    { kind: 'yes-no', label: 'Wil je na de cursus in contact komen met een mentor (een ervaren raadslid)?', required: true },
    { kind: 'text', label: 'Over welk onderwerp in je gemeente wil je meepraten?', required: false },
  ],
  [
    { kind: 'yes-no', label: 'Heb je al eens ingesproken bij de gemeenteraad?', required: false },
    {
      kind: 'choice',
      label: 'Hoe ken je de lokale politiek nu?',
      options: ['Nog helemaal niet', 'Ik volg het nieuws', 'Ik ben al actief in een partij of vereniging'],
      required: true,
    },
  ],
];
const sampleTextAnswers = [
  'Beter begrijpen hoe besluiten over mijn wijk worden genomen.',
  'Inspreken over de plannen voor het sportpark.',
  'Wonen voor jongeren en starters.',
  'Ontdekken of ik op de kieslijst wil.',
  'Groen en verkeersveiligheid in de buurt.',
  '',
];

const firstNames = [
  'Sanne',
  'Daan',
  'Fatima',
  'Lars',
  'Emma',
  'Mohamed',
  'Noor',
  'Thijs',
  'Eva',
  'Youssef',
  'Lotte',
  'Bram',
  'Aylin',
  'Jeroen',
  'Sophie',
  'Kevin',
  'Mirjam',
  'Rachid',
  'Femke',
  'Stefan',
  'Priya',
  'Willem',
  'Ingrid',
  'Mehmet',
  'Anouk',
  'Ruben',
  'Chantal',
  'Joost',
  'Esra',
  'Pieter',
  'Linda',
  'Tim',
  'Nadia',
  'Gerrit',
  'Marieke',
  'Sven',
  'Hanna',
  'Dewi',
  'Koen',
  'Yara',
];
const lastNames = [
  'de Vries',
  'Jansen',
  'van den Berg',
  'Bakker',
  'El Amrani',
  'Visser',
  'Smit',
  'Yılmaz',
  'Meijer',
  'de Boer',
  'Mulder',
  'Bos',
  'Nguyen',
  'Vos',
  'Peters',
  'Hendriks',
  'Pinas',
  'van Dijk',
  'Kaya',
  'Dekker',
  'Brouwer',
  'de Groot',
  'Wijaya',
  'Postma',
  'Kramer',
  'Hoekstra',
  'Ouali',
  'van Leeuwen',
  'Willems',
  'Koster',
];
// The sign-up form's answers to "how did you hear of it?" (app/routes/cursussen.$id_.aanmelden.tsx).
const sources = ['social-media', 'friend-family', 'party', 'municipality', 'newsletter', 'other', null];
const accessibilityNeeds = ['Ik kom met een rolstoel.', 'Graag een plek vooraan; ik ben slechthorend.', 'Ik neem mijn hulphond mee.'];

const asciiSlug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

// ---------------------------------------------------------------------------------------------
// Plans

/** When a course runs, relative to the seed time. */
type CourseTiming =
  | 'past' // every session over; follow-up already sent
  | 'past-recent' // ended a day or two ago; attendance and follow-up still to do
  | 'running' // first session over, later ones ahead
  | 'upcoming'
  | 'full' // upcoming, every seat taken and people on the waitlist
  | 'closed' // upcoming, registration deadline passed
  | 'not-yet-open' // upcoming, registration opens later
  | 'draft'
  | 'cancelled';

type CourseSpec = {
  timing: CourseTiming;
  organisationId: string;
  organisationSlug: string;
  municipality: SeedMunicipality;
  theme?: ThemeKey;
  format?: CourseFormat;
  questions?: boolean;
  createdBy?: string | null;
};

const fill = (text: string, place: string) => text.replaceAll('{plaats}', place);

/**
 * Turns a spec into rows: the course, its weekly evening sessions, its questions and the people on
 * it. Registrations go in first come, first served order (their waitlist_seq follows insert order).
 */
function planCourse(spec: CourseSpec, at: Date, random: Random): CoursePlan {
  const timing = spec.timing;
  // A running course has had its first evening and has more ahead: give it a theme of three or four.
  const offered = (themesByOrganisation[spec.organisationSlug] ?? (Object.keys(themes) as ThemeKey[])).filter(
    (key) => timing !== 'running' || themes[key].sessions >= 3,
  );
  const themeKey = spec.theme ?? random.pick(offered.length ? offered : (['politiekActief'] as ThemeKey[]));
  const theme: Theme = themes[themeKey];
  const place = spec.municipality.name;
  const format: CourseFormat =
    spec.format ?? (theme.online ? 'online' : random.chance(0.65) ? 'in-person' : random.chance(0.5) ? 'hybrid' : 'online');
  // The description names the number of evenings, so the theme fixes it.
  const sessionCount = timing === 'running' ? Math.max(3, theme.sessions) : theme.sessions;

  // The first session's day, relative to the seed day; kept clear of today so the timing holds.
  let firstDay: number;
  let shiftToEvening = true;
  switch (timing) {
    case 'past':
      firstDay = -(7 * (sessionCount - 1)) - random.int(12, 150);
      break;
    case 'past-recent':
      firstDay = -(7 * (sessionCount - 1)) - random.int(1, 2);
      shiftToEvening = false;
      break;
    case 'running':
      firstDay = -random.int(3, 10);
      break;
    case 'full':
      firstDay = random.int(14, 60);
      break;
    case 'closed':
      firstDay = random.int(5, 7);
      break;
    case 'not-yet-open':
      firstDay = random.int(120, 175);
      break;
    default:
      firstDay = random.int(4, 178);
  }
  if (shiftToEvening) firstDay = onCourseEvening(at, firstDay);

  const courseId = randomUUID();
  const venue = `${random.pick(venues)} ${place}`;
  const inPersonAccessibility = random.pick(accessibilityInPerson);
  const sessions: SessionRow[] = Array.from({ length: sessionCount }, (_, i) => ({
    id: randomUUID(),
    courseId,
    ...eveningSession(at, firstDay + 7 * i),
    // Now and then one evening is somewhere else, e.g. in the council chamber.
    location: format !== 'online' && i === sessionCount - 1 && sessionCount > 2 && random.chance(0.4) ? `Raadszaal, ${place}` : '',
    sequence: 0,
  }));
  const firstStart = sessions[0]!.startsAt;
  const lastEnd = sessions.at(-1)!.endsAt;

  const capacity = random.int(12, 30);
  const createdAt = new Date(Math.min(at.getTime() - random.int(1, 20) * DAY, firstStart.getTime() - random.int(25, 60) * DAY));
  const cancelledAt = timing === 'cancelled' ? new Date(at.getTime() - random.int(1, 5) * DAY) : null;
  const registrationOpensAt = timing === 'not-yet-open' ? new Date(at.getTime() + random.int(14, 40) * DAY) : null;
  const registrationClosesAt =
    timing === 'closed'
      ? new Date(at.getTime() - random.int(1, 2) * DAY)
      : random.chance(0.4)
        ? new Date(firstStart.getTime() - 2 * DAY)
        : null;
  const deadline =
    timing !== 'closed' && registrationClosesAt && registrationClosesAt.getTime() <= at.getTime() ? null : registrationClosesAt;

  const course: CourseRow = {
    id: courseId,
    organisationId: spec.organisationId,
    title: fill(theme.title, place),
    description: fill(theme.description, place),
    municipalityCode: spec.municipality.code,
    format,
    locationName: format === 'online' ? '' : venue,
    address: format === 'online' ? '' : `${random.pick(streets)} ${random.int(1, 40)}, ${place}`,
    accessibilityInfo:
      format === 'online' ? accessibilityOnline : format === 'hybrid' ? inPersonAccessibility + accessibilityHybrid : inPersonAccessibility,
    onlineUrl: format === 'in-person' ? null : `https://meet.politiekactief.example/${courseId.slice(0, 8)}`,
    language: theme.language ?? 'nl',
    costCents: random.chance(0.3) ? 1500 : 0,
    capacity,
    // A hybrid course's online seats: as many as the room (its seeded people all sit in the room).
    onlineCapacity: format === 'hybrid' ? capacity : null,
    registrationOpensAt,
    registrationClosesAt: deadline,
    cancellationDeadline: random.chance(0.5) ? new Date(firstStart.getTime() - DAY) : null,
    claimWindowHours: random.chance(0.15) ? 24 : 48,
    reminderDaysBefore: 2,
    completionThreshold: sessionCount >= 3 ? sessionCount - 1 : null,
    status: timing === 'draft' ? 'draft' : timing === 'cancelled' ? 'cancelled' : 'published',
    publishedAt: timing === 'draft' ? null : createdAt,
    cancelledAt,
    // Past courses had their follow-up: the worker must not email seeded people about them.
    followUpSentAt: timing === 'past' ? new Date(lastEnd.getTime() + DAY) : null,
    createdBy: spec.createdBy ?? null,
    createdAt,
    updatedAt: cancelledAt ?? createdAt,
  };

  const questions: QuestionRow[] = spec.questions
    ? random.pick(questionSets).map((q, position) => ({
        id: randomUUID(),
        courseId,
        position,
        kind: q.kind,
        label: q.label,
        options: q.options ?? [],
        required: q.required,
      }))
    : [];

  // Who is on it.
  let confirmed = 0;
  let waitlisted = 0;
  let cancelled = 0;
  switch (timing) {
    case 'draft':
    case 'not-yet-open':
      break;
    case 'full':
      confirmed = capacity;
      waitlisted = random.int(2, 7);
      cancelled = random.int(0, 2);
      break;
    case 'past':
    case 'past-recent':
    case 'running':
      confirmed = random.int(Math.ceil(capacity * 0.5), capacity);
      cancelled = random.int(0, 2);
      break;
    case 'cancelled':
      cancelled = random.int(3, 10);
      break;
    default:
      confirmed = random.int(0, Math.floor(capacity * 0.85));
      cancelled = confirmed > 3 ? random.int(0, 1) : 0;
  }
  const signUpStart = createdAt.getTime() + HOUR;
  const signUpEnd = Math.min(at.getTime(), firstStart.getTime() - DAY, cancelledAt?.getTime() ?? Infinity, deadline?.getTime() ?? Infinity);
  const total = confirmed + cancelled + waitlisted;
  // Moments in order: the waitlisted people came last (after every seat was taken).
  const moments = Array.from({ length: total }, () => signUpStart + random.next() * Math.max(HOUR, signUpEnd - signUpStart)).sort(
    (a, b) => a - b,
  );
  const reminderDue = firstStart.getTime() - course.reminderDaysBefore! * DAY <= at.getTime();
  const statuses: Array<'confirmed' | 'cancelled' | 'waitlisted'> = [];
  // Cancellations are spread among the early sign-ups, the waitlist is the tail.
  const early: Array<'confirmed' | 'cancelled'> = [...Array(confirmed).fill('confirmed'), ...Array(cancelled).fill('cancelled')];
  for (let i = early.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [early[i], early[j]] = [early[j]!, early[i]!];
  }
  statuses.push(...early, ...Array(waitlisted).fill('waitlisted'));
  if (timing === 'cancelled') statuses.fill('cancelled');

  const rows: RegistrationRow[] = statuses.map((status, i) => {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const createdMoment = new Date(moments[i]!);
    const answers: Record<string, string> = {};
    for (const q of questions) {
      if (!q.required && random.chance(0.4)) continue;
      const answer =
        q.kind === 'yes-no'
          ? random.pick(['yes', 'no'])
          : q.kind === 'choice'
            ? random.pick(q.options ?? [])
            : random.pick(sampleTextAnswers);
      if (answer) answers[q.id] = answer;
    }
    const cancelledMoment =
      status === 'cancelled' ? (cancelledAt ?? new Date(Math.min(createdMoment.getTime() + random.int(1, 10) * DAY, signUpEnd))) : null;
    // Stored as the form stores them: without the utm_ prefix.
    const utm = random.chance(0.15)
      ? { source: random.pick(['facebook', 'instagram', 'nieuwsbrief']), medium: 'social', campaign: 'politiek-actief' }
      : null;
    return {
      id: randomUUID(),
      courseId,
      userId: null,
      name: `${first} ${last}`,
      email: `${asciiSlug(first)}.${asciiSlug(last)}.${courseId.slice(0, 6)}${i}@example.nl`,
      municipalityCode: spec.municipality.code,
      phone: random.chance(0.4) ? `06 ${String(random.int(10_000_000, 99_999_999))}` : null,
      answers,
      accessibilityNeeds: random.chance(0.06) ? random.pick(accessibilityNeeds) : null,
      source: utm ? 'social-media' : random.pick(sources),
      utm,
      locale: course.language === 'en' ? 'en' : 'nl',
      privacyVersion: '1.0',
      consentedAt: createdMoment,
      status,
      confirmedAt: status === 'waitlisted' ? null : createdMoment,
      cancelledAt: cancelledMoment,
      // Whatever was due before the seed counts as sent, so the worker emails no seeded person.
      reminderSentAt: status === 'confirmed' && reminderDue ? new Date(Math.max(createdMoment.getTime(), at.getTime() - DAY)) : null,
      followUpSentAt: status === 'confirmed' && timing === 'past' ? course.followUpSentAt : null,
      createdAt: createdMoment,
      updatedAt: cancelledMoment ?? createdMoment,
    };
  });

  // Attendance of sessions that are over (not yet marked for the course that just ended).
  const attendance: AttendanceRow[] = [];
  if (timing === 'past' || timing === 'running') {
    for (const session of sessions) {
      if (session.endsAt.getTime() > at.getTime()) continue;
      for (const r of rows) {
        if (r.status !== 'confirmed') continue;
        attendance.push({ registrationId: r.id, sessionId: session.id, attended: random.chance(0.85), markedAt: session.endsAt });
      }
    }
  }
  return { course, sessions, questions, registrations: rows, attendance };
}

export type DemoOrganisation = { id: string; slug: string };

/**
 * The demo catalogue: 50 courses by the four demo organisations. Every province gets a course in
 * its largest municipality; the rest are spread pseudo-randomly. 46 are published: 8 past, 5
 * running, 33 upcoming (4 of them full with a waitlist, one past its deadline, one not yet open);
 * plus 3 drafts and 1 cancelled course.
 */
export function planDemoCourses(options: {
  at: Date;
  organisations: DemoOrganisation[];
  municipalities?: SeedMunicipality[];
  coordinatorId?: string | null;
  coordinatorOrganisations?: string[];
  seed?: number;
}): CoursePlan[] {
  const random = createRandom(options.seed ?? 20260301);
  const all = options.municipalities ?? seedMunicipalities();
  const anchors = largestPerProvince(all);
  const largest = [...all].sort((a, b) => b.inhabitants - a.inhabitants)[0]!;
  const pickPlace = weightedPicker(all, random);
  const timings: CourseTiming[] = [
    // The first twelve published upcoming courses are the provinces' largest municipalities.
    ...Array<CourseTiming>(4).fill('full'),
    ...Array<CourseTiming>(8).fill('upcoming'),
    ...Array<CourseTiming>(19).fill('upcoming'),
    'closed',
    'not-yet-open',
    ...Array<CourseTiming>(7).fill('past'),
    'past-recent',
    ...Array<CourseTiming>(5).fill('running'),
    ...Array<CourseTiming>(3).fill('draft'),
    'cancelled',
  ];
  const bySlug = new Map(options.organisations.map((o) => [o.slug, o]));
  const order = ['nvr', 'klpp', 'wethoudersvereniging', 'ngb'].filter((s) => bySlug.has(s));
  const coordinated = new Set(options.coordinatorOrganisations ?? []);
  return timings.map((timing, i) => {
    const anchor = i < anchors.length ? anchors[i] : undefined;
    // The course that just ended belongs to the demo coordinator's organisation (NVR): attendance to mark.
    const slug = timing === 'past-recent' ? 'nvr' : order[i % order.length]!;
    const organisation = bySlug.get(slug) ?? options.organisations[0]!;
    let theme: ThemeKey | undefined = anchor
      ? slug === 'ngb'
        ? 'burgemeester'
        : slug === 'wethoudersvereniging'
          ? 'begroting'
          : 'politiekActief'
      : undefined;
    // One course in English, for internationals in the largest city.
    if (!anchor && slug === 'ngb' && i === 23) theme = 'english';
    return planCourse(
      {
        timing,
        organisationId: organisation.id,
        organisationSlug: organisation.slug,
        municipality: anchor ?? (theme === 'english' ? largest : pickPlace()),
        theme,
        format: anchor && theme === 'politiekActief' ? 'in-person' : undefined,
        questions: i % 3 === 0,
        createdBy: coordinated.has(organisation.slug) ? (options.coordinatorId ?? null) : null,
      },
      options.at,
      random,
    );
  });
}

/**
 * A large published catalogue for the catalogue benchmark: `count` courses over the municipalities
 * (mostly upcoming, about one in ten past or running), with registrations filling them partly.
 */
export function planBulkCourses(options: {
  count: number;
  at: Date;
  organisations: DemoOrganisation[];
  municipalities?: SeedMunicipality[];
  seed?: number;
}): CoursePlan[] {
  const random = createRandom(options.seed ?? 1000);
  const all = options.municipalities ?? seedMunicipalities();
  const pickPlace = weightedPicker(all, random);
  return Array.from({ length: options.count }, (_, i) => {
    const organisation = options.organisations[i % options.organisations.length]!;
    const r = random.next();
    const timing: CourseTiming = r < 0.06 ? 'past' : r < 0.1 ? 'running' : r < 0.18 ? 'full' : 'upcoming';
    return planCourse(
      {
        timing,
        organisationId: organisation.id,
        organisationSlug: organisation.slug,
        municipality: pickPlace(),
        questions: i % 4 === 0,
      },
      options.at,
      random,
    );
  });
}

async function insertChunked<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Inserts plans in batches (a few statements per table, whatever the number of courses). */
export async function insertCoursePlans(db: Db, plans: CoursePlan[]) {
  const courseRows = plans.map((p) => p.course);
  await insertChunked(courseRows, 500, (chunk) => db.insert(courses).values(chunk));
  await insertChunked(
    plans.flatMap((p) => p.sessions),
    1000,
    (chunk) => db.insert(courseSessions).values(chunk),
  );
  await insertChunked(
    plans.flatMap((p) => p.questions),
    1000,
    (chunk) => db.insert(courseQuestions).values(chunk),
  );
  // In plan order, so that waitlist_seq (a sequence default) follows the order people signed up in.
  await insertChunked(
    plans.flatMap((p) => p.registrations),
    1000,
    (chunk) => db.insert(registrations).values(chunk),
  );
  await insertChunked(
    plans.flatMap((p) => p.attendance),
    2000,
    (chunk) => db.insert(sessionAttendance).values(chunk),
  );
}

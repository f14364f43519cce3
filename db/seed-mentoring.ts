// Mentoring demo data: four networks of one organisation (one per focus group, national, provinces
// and municipalities), about thirty mentors with varied profiles across the provinces (among them
// the demo login mentor@politiekactief.example) and forty waiting applications, so that a matching
// run in the demo has a real choice to make. Deterministic: a seeded generator picks the details.
// No disability data: that is special-category data and only ever comes from the person, with consent.
import { eq, inArray, like, or } from 'drizzle-orm';
import { hashPassword } from '../app/modules/auth/password.server';
import { followUpSource } from '../app/modules/labels';
import type { Db } from './client.server';
import { matches, menteeApplications, mentorProfiles, networkMentors, networks, users, type FocusGroup, type RegionKind } from './schema';
import { createRandom } from './seed-courses';

export const demoMentor = { email: 'mentor@politiekactief.example', password: 'Demo-mentor-2026', name: 'Marieke Mentor' } as const;

/** Seeded people other than the demo login live under this domain, so a re-seed can remove them. */
const DEMO_DOMAIN = 'demo.politiekactief.example';
const DAY = 24 * 60 * 60_000;

type Place = { code: string; province: string };
const places: Record<string, Place> = {
  Groningen: { code: 'GM0014', province: 'PV20' },
  Leeuwarden: { code: 'GM0080', province: 'PV21' },
  Assen: { code: 'GM0106', province: 'PV22' },
  Emmen: { code: 'GM0114', province: 'PV22' },
  Zwolle: { code: 'GM0193', province: 'PV23' },
  Kampen: { code: 'GM0166', province: 'PV23' },
  Dalfsen: { code: 'GM0148', province: 'PV23' },
  Enschede: { code: 'GM0153', province: 'PV23' },
  Deventer: { code: 'GM0150', province: 'PV23' },
  Almere: { code: 'GM0034', province: 'PV24' },
  Lelystad: { code: 'GM0995', province: 'PV24' },
  Arnhem: { code: 'GM0202', province: 'PV25' },
  Nijmegen: { code: 'GM0268', province: 'PV25' },
  Apeldoorn: { code: 'GM0200', province: 'PV25' },
  Ede: { code: 'GM0228', province: 'PV25' },
  Utrecht: { code: 'GM0344', province: 'PV26' },
  Amersfoort: { code: 'GM0307', province: 'PV26' },
  Nieuwegein: { code: 'GM0356', province: 'PV26' },
  Amsterdam: { code: 'GM0363', province: 'PV27' },
  Haarlem: { code: 'GM0392', province: 'PV27' },
  Zaanstad: { code: 'GM0479', province: 'PV27' },
  Rotterdam: { code: 'GM0599', province: 'PV28' },
  'Den Haag': { code: 'GM0518', province: 'PV28' },
  Leiden: { code: 'GM0546', province: 'PV28' },
  Delft: { code: 'GM0503', province: 'PV28' },
  Middelburg: { code: 'GM0687', province: 'PV29' },
  Goes: { code: 'GM0664', province: 'PV29' },
  Eindhoven: { code: 'GM0772', province: 'PV30' },
  Tilburg: { code: 'GM0855', province: 'PV30' },
  Breda: { code: 'GM0758', province: 'PV30' },
  "'s-Hertogenbosch": { code: 'GM0796', province: 'PV30' },
  Maastricht: { code: 'GM0935', province: 'PV31' },
  Venlo: { code: 'GM0983', province: 'PV31' },
  'Sittard-Geleen': { code: 'GM1883', province: 'PV31' },
};

type NetworkPlan = {
  key: 'women' | 'disability' | 'practical' | 'open';
  name: string;
  description: string;
  focusGroup: FocusGroup;
  regionKind: RegionKind;
  regionCodes: string[];
};

const networkPlans: NetworkPlan[] = [
  {
    key: 'women',
    name: 'Vrouwen in de Raad',
    description: 'Ervaren raadsleden, wethouders en burgemeesters helpen vrouwen die de lokale politiek in willen. In heel Nederland.',
    focusGroup: 'women',
    regionKind: 'national',
    regionCodes: [],
  },
  {
    key: 'disability',
    name: 'Politiek zonder drempels Oost',
    description:
      'Mentoraat voor mensen met een beperking in Drenthe, Overijssel en Gelderland. Afspreken kan online of op een toegankelijke plek.',
    focusGroup: 'disability',
    regionKind: 'provinces',
    regionCodes: ['PV22', 'PV23', 'PV25'],
  },
  {
    key: 'practical',
    name: 'Praktisch Politiek Randstad',
    description: 'Voor praktisch opgeleide mensen in Utrecht, Noord-Holland en Zuid-Holland die iets willen veranderen in hun gemeente.',
    focusGroup: 'practically-educated',
    regionKind: 'provinces',
    regionCodes: ['PV26', 'PV27', 'PV28'],
  },
  {
    key: 'open',
    name: 'Mentornetwerk Brabant en Limburg',
    description: 'Open mentoraat in acht steden in het zuiden. Iedereen die de politiek in wil, is welkom.',
    focusGroup: 'open',
    regionKind: 'municipalities',
    regionCodes: ['Eindhoven', 'Tilburg', 'Breda', "'s-Hertogenbosch", 'Maastricht', 'Venlo', 'Sittard-Geleen'].map((p) => places[p]!.code),
  },
];

type Office = 'council-member' | 'alderman' | 'mayor' | 'provincial' | 'former';
type MentorPlan = { name: string; gender: 'woman' | 'man' | 'non-binary'; office: Office; place: string; networks: NetworkPlan['key'][] };

// Women mentor in "Vrouwen in de Raad"; everyone in the network(s) of their region.
const mentorPlans: MentorPlan[] = [
  { name: 'Annelies de Boer', gender: 'woman', office: 'alderman', place: 'Groningen', networks: ['women'] },
  { name: 'Sietske Hoekstra', gender: 'woman', office: 'council-member', place: 'Leeuwarden', networks: ['women'] },
  { name: 'Jan Bakker', gender: 'man', office: 'mayor', place: 'Assen', networks: ['disability'] },
  { name: 'Ingrid Mulder', gender: 'woman', office: 'council-member', place: 'Emmen', networks: ['women', 'disability'] },
  { name: 'Henk Smit', gender: 'man', office: 'former', place: 'Kampen', networks: ['disability'] },
  { name: 'Fatma Yilmaz', gender: 'woman', office: 'council-member', place: 'Enschede', networks: ['women', 'disability'] },
  { name: 'Gerrit Kamphuis', gender: 'man', office: 'council-member', place: 'Deventer', networks: ['disability'] },
  { name: 'Robin Veenstra', gender: 'non-binary', office: 'council-member', place: 'Dalfsen', networks: ['disability'] },
  { name: 'Mirjam Visser', gender: 'woman', office: 'alderman', place: 'Almere', networks: ['women'] },
  { name: 'Wouter Jansen', gender: 'man', office: 'alderman', place: 'Arnhem', networks: ['disability'] },
  { name: 'Esther van Dijk', gender: 'woman', office: 'council-member', place: 'Nijmegen', networks: ['women', 'disability'] },
  { name: 'Bram Willems', gender: 'man', office: 'provincial', place: 'Apeldoorn', networks: ['disability'] },
  { name: 'Naima El Amrani', gender: 'woman', office: 'council-member', place: 'Utrecht', networks: ['women', 'practical'] },
  { name: 'Kees van Leeuwen', gender: 'man', office: 'former', place: 'Amersfoort', networks: ['practical'] },
  { name: 'Patrick de Graaf', gender: 'man', office: 'council-member', place: 'Nieuwegein', networks: ['practical'] },
  { name: 'Sandra Koster', gender: 'woman', office: 'mayor', place: 'Haarlem', networks: ['women', 'practical'] },
  { name: 'Mohamed Bouzid', gender: 'man', office: 'alderman', place: 'Amsterdam', networks: ['practical'] },
  { name: 'Linda Schouten', gender: 'woman', office: 'council-member', place: 'Zaanstad', networks: ['practical'] },
  { name: 'Dennis Vermeulen', gender: 'man', office: 'council-member', place: 'Rotterdam', networks: ['practical'] },
  { name: 'Priya Ramdin', gender: 'woman', office: 'alderman', place: 'Den Haag', networks: ['women', 'practical'] },
  { name: 'Thijs van der Meer', gender: 'man', office: 'council-member', place: 'Leiden', networks: ['practical'] },
  { name: 'Joyce Tan', gender: 'woman', office: 'council-member', place: 'Delft', networks: ['women'] },
  { name: 'Marco Dekker', gender: 'man', office: 'former', place: 'Middelburg', networks: ['open'] },
  { name: 'Anouk Verhoeven', gender: 'woman', office: 'council-member', place: 'Eindhoven', networks: ['women', 'open'] },
  { name: 'Luc van den Berg', gender: 'man', office: 'alderman', place: 'Tilburg', networks: ['open'] },
  { name: 'Hatice Kaya', gender: 'woman', office: 'council-member', place: 'Breda', networks: ['open'] },
  { name: 'Frank Hendriks', gender: 'man', office: 'mayor', place: "'s-Hertogenbosch", networks: ['open'] },
  { name: 'Maud Ramakers', gender: 'woman', office: 'provincial', place: 'Maastricht', networks: ['women', 'open'] },
  { name: 'Stefan Peeters', gender: 'man', office: 'council-member', place: 'Venlo', networks: ['open'] },
  { name: 'Ellen Jacobs', gender: 'woman', office: 'former', place: 'Sittard-Geleen', networks: ['open'] },
];

const themes = [
  'zorg',
  'onderwijs',
  'wonen',
  'klimaat',
  'mobiliteit',
  'veiligheid',
  'werk',
  'cultuur',
  'sport',
  'jeugd',
  'armoede',
  'inclusie',
  'toegankelijkheid',
  'financien',
  'democratie',
];
const parties = ['PvdA', 'VVD', 'CDA', 'D66', 'GroenLinks', 'ChristenUnie', 'SP', 'Lokaal Belang', 'Partij voor de Dieren', 'Volt'];
const slots = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].flatMap((d) => ['morning', 'afternoon', 'evening'].map((p) => `${d}-${p}`));
const goals = ['become-council-member', 'understand-council', 'run-for-alderman', 'join-party', 'become-provincial'];
// The women's network's applicants get women's names (issue 12, item 8): a demo that looks like it.
const womenFirstNames = [
  'Sara',
  'Lotte',
  'Amira',
  'Noor',
  'Eva',
  'Iris',
  'Aylin',
  'Femke',
  'Sanne',
  'Fenna',
  'Yasmin',
  'Merel',
  'Hanna',
  'Zeynep',
];
const firstNames = [
  'Sara',
  'Yusuf',
  'Lotte',
  'Daan',
  'Amira',
  'Jesse',
  'Noor',
  'Kevin',
  'Eva',
  'Mehmet',
  'Iris',
  'Tim',
  'Aylin',
  'Ruben',
  'Femke',
  'Ravi',
  'Sanne',
  'Bilal',
  'Lisa',
  'Joost',
];
const lastNames = [
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'Dijkstra',
  'Öztürk',
  'Meijer',
  'de Wit',
  'Brouwer',
  'Kuipers',
  'Postma',
  'Benali',
  'van Dam',
  'Claes',
];
const officeBios: Record<Office, string> = {
  'council-member': 'Raadslid sinds 2018. Ik weet hoe je als nieuwkomer je weg vindt in de raad en de fractie.',
  alderman: 'Wethouder. Daarvoor zat ik acht jaar in de gemeenteraad. Ik help je graag met de stap naar het bestuur.',
  mayor: 'Burgemeester. Ik begon als raadslid en weet hoe het is om de eerste te zijn uit je omgeving.',
  provincial: 'Statenlid. Ik laat je zien hoe gemeente en provincie samenwerken.',
  former: 'Oud-raadslid en oud-wethouder. Nu heb ik tijd om nieuwe mensen op weg te helpen.',
};

/** Removes the mentoring demo people (networks go with the demo organisations) and adds them again. */
export async function seedMentoring(tx: Db, options: { organisationId: string; coordinatorId: string; at: Date }) {
  const rng = createRandom(2026_04);
  const random = rng.next;
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const some = <T>(list: readonly T[], min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    return [...list].sort(() => random() - 0.5).slice(0, n);
  };
  const { at } = options;

  // Profiles and applications outlive a deleted account (anonymised, for the reports), so the demo
  // people's own rows go first, then the people.
  const demoPeople = or(like(users.email, `%@${DEMO_DOMAIN}`), eq(users.email, demoMentor.email));
  const demoIds = tx.select({ id: users.id }).from(users).where(demoPeople);
  await tx.delete(mentorProfiles).where(inArray(mentorProfiles.userId, demoIds));
  await tx.delete(menteeApplications).where(inArray(menteeApplications.userId, demoIds));
  await tx.delete(users).where(demoPeople);

  const createdNetworks = await tx
    .insert(networks)
    .values(
      networkPlans.map((n) => ({
        organisationId: options.organisationId,
        name: n.name,
        description: n.description,
        focusGroup: n.focusGroup,
        regionKind: n.regionKind,
        regionCodes: n.regionCodes,
        periodStart: new Date(at.getTime() - 30 * DAY).toISOString().slice(0, 10),
        periodEnd: new Date(at.getTime() + 300 * DAY).toISOString().slice(0, 10),
        applicationsOpen: true,
        intakeQuestions:
          n.key === 'women'
            ? [
                {
                  id: 'q-ervaring',
                  label: 'Heb je al ervaring in een vereniging of bewonersgroep?',
                  kind: 'yes-no' as const,
                  options: [],
                  required: false,
                },
              ]
            : [],
        createdBy: options.coordinatorId,
      })),
    )
    .returning({ id: networks.id });
  const networkId = Object.fromEntries(networkPlans.map((n, i) => [n.key, createdNetworks[i]!.id])) as Record<NetworkPlan['key'], string>;

  // Mentors: the demo login first (an alderman in Zwolle, in two networks: one capacity for both).
  const allMentors: (MentorPlan & { email: string })[] = [
    {
      name: demoMentor.name,
      gender: 'woman',
      office: 'alderman',
      place: 'Zwolle',
      networks: ['women', 'disability'],
      email: demoMentor.email,
    },
    ...mentorPlans.map((m, i) => ({ ...m, email: `mentor-${String(i + 1).padStart(2, '0')}@${DEMO_DOMAIN}` })),
  ];
  const demoHash = await hashPassword(demoMentor.password);
  const mentorUsers = await tx
    .insert(users)
    .values(
      allMentors.map((m) => ({
        email: m.email,
        name: m.name,
        passwordHash: m.email === demoMentor.email ? demoHash : null,
        emailVerifiedAt: at,
      })),
    )
    .returning({ id: users.id });
  const profiles = await tx
    .insert(mentorProfiles)
    .values(
      allMentors.map((m, i) => {
        const languages = ['nl'];
        if (random() < 0.4) languages.push('en');
        if (m.name === 'Fatma Yilmaz' || m.name === 'Hatice Kaya') languages.push('tr');
        if (m.name === 'Mohamed Bouzid' || m.name === 'Naima El Amrani') languages.push('ar');
        if (m.place === 'Leeuwarden') languages.push('fy');
        const modes = random() < 0.2 ? ['online'] : random() < 0.2 ? ['in-person'] : ['in-person', 'online'];
        return {
          userId: mentorUsers[i]!.id,
          office: m.office,
          municipalityCode: places[m.place]!.code,
          party: random() < 0.85 ? pick(parties) : null,
          gender: m.gender,
          themes: some(themes, 2, 4),
          languages,
          meetingModes: modes,
          capacity: 1 + Math.floor(random() * 3),
          availability: some(slots, 2, 5),
          bio: officeBios[m.office],
          phone: `06 ${String(10_000_000 + Math.floor(random() * 89_999_999))}`,
          // Two mentors take a break for a few weeks.
          pausedUntil: i === 9 || i === 21 ? new Date(at.getTime() + 21 * DAY).toISOString().slice(0, 10) : null,
          completedAt: at,
          createdAt: at,
          updatedAt: at,
        };
      }),
    )
    .returning({ id: mentorProfiles.id });
  await tx
    .insert(networkMentors)
    .values(
      allMentors.flatMap((m, i) =>
        m.networks.map((key) => ({ networkId: networkId[key], mentorProfileId: profiles[i]!.id, joinedAt: at })),
      ),
    );

  // Forty waiting applications, spread over the networks and their regions.
  const regionPlaces: Record<NetworkPlan['key'], string[]> = {
    women: Object.keys(places),
    disability: Object.keys(places).filter((p) => ['PV22', 'PV23', 'PV25'].includes(places[p]!.province)),
    practical: Object.keys(places).filter((p) => ['PV26', 'PV27', 'PV28'].includes(places[p]!.province)),
    open: ['Eindhoven', 'Tilburg', 'Breda', "'s-Hertogenbosch", 'Maastricht', 'Venlo', 'Sittard-Geleen'],
  };
  const counts: [NetworkPlan['key'], number][] = [
    ['women', 14],
    ['disability', 8],
    ['practical', 9],
    ['open', 9],
  ];
  const applicants = counts.flatMap(([key, n]) => Array.from({ length: n }, () => key));
  const applicantUsers = await tx
    .insert(users)
    .values(
      applicants.map((_, i) => ({
        email: `aanvrager-${String(i + 1).padStart(2, '0')}@${DEMO_DOMAIN}`,
        name: `${pick(applicants[i] === 'women' ? womenFirstNames : firstNames)} ${pick(lastNames)}`,
        emailVerifiedAt: at,
      })),
    )
    .returning({ id: users.id });
  const applications = await tx
    .insert(menteeApplications)
    .values(
      applicants.map((key, i) => {
        const place = pick(regionPlaces[key]);
        const onlineOnly = random() < 0.15;
        const created = new Date(at.getTime() - Math.floor(random() * 40) * DAY);
        return {
          networkId: networkId[key],
          userId: applicantUsers[i]!.id,
          municipalityCode: places[place]!.code,
          themes: some(themes, 1, 3),
          goals: some(goals, 1, 2),
          goalsText: 'Ik wil leren hoe de gemeenteraad werkt en of een plek op de lijst iets voor mij is.',
          party: random() < 0.35 ? pick(parties) : null,
          meetingModes: onlineOnly ? ['online'] : ['in-person', 'online'],
          languages: random() < 0.15 ? ['nl', 'en'] : ['nl'],
          availability: some(slots, 2, 6),
          mustHaves: {
            ...(onlineOnly ? { onlineOnly: true } : {}),
            ...(key === 'women' && random() < 0.3 ? { mentorGender: 'woman' } : {}),
          },
          answers: (key === 'women' ? { 'q-ervaring': random() < 0.5 ? 'ja' : 'nee' } : {}) as Record<string, string>,
          // Self-identification with the non-special focus groups only; no disability data in the demo.
          focusGroups: key === 'women' ? ['women'] : key === 'practical' ? ['practically-educated'] : [],
          // Half came through the course follow-up email's link, the others straight to the site.
          source: random() < 0.5 ? followUpSource : null,
          // The first applicant of the women's network has a proposal with the demo mentor (below).
          status: i === 0 ? ('proposed' as const) : ('waiting' as const),
          createdAt: created,
          updatedAt: created,
        };
      }),
    )
    .returning({ id: menteeApplications.id, networkId: menteeApplications.networkId });
  // The demo mentor has a proposal waiting for an answer, so /mentor and the report's mentoring
  // figures are not empty in a demo.
  const proposedAt = new Date(at.getTime() - DAY);
  await tx.insert(matches).values({
    networkId: applications[0]!.networkId,
    applicationId: applications[0]!.id,
    mentorProfileId: profiles[0]!.id,
    status: 'proposed',
    source: 'hand',
    score: 80,
    proposedAt,
    createdAt: proposedAt,
    updatedAt: proposedAt,
  });
  return { networks: createdNetworks.length, mentors: allMentors.length, applications: applicants.length };
}

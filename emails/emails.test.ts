import { describe, expect, it } from 'vitest';
import { mentorWording } from '~/modules/matching/scoring';
import { menteeWording } from '../test/wording';
import { emailTemplateNames, renderEmail, type EmailTemplateName, type EmailTemplates, type Locale } from './index';
import type { SessionLine } from './course-parts';

const locales: Locale[] = ['nl', 'en'];

const sessions: SessionLine[] = [
  { date: 'di 12 januari 2027', time: '19:30–21:30', location: 'Stadhuis Zwolle' },
  { date: 'di 19 januari 2027', time: '19:30–21:30', location: 'Bibliotheek Zwolle' },
];
const sessionLines = ['di 12 januari 2027, 19:30–21:30 — Stadhuis Zwolle', 'di 19 januari 2027, 19:30–21:30 — Bibliotheek Zwolle'];

// The `&` checks that URLs with query strings survive HTML escaping in the
// html part and come out unescaped in the text part.
const samples: { [N in EmailTemplateName]: Omit<EmailTemplates[N], 'locale'> } = {
  'verify-email': {
    url: 'https://politiekactief.example/auth/verify?token=abc123&next=%2Fcursussen',
    expiresInHours: 24,
  },
  'login-link': {
    url: 'https://politiekactief.example/auth/login-link?token=def456',
    expiresInMinutes: 15,
  },
  'password-reset': {
    url: 'https://politiekactief.example/auth/reset-password?token=ghi789',
    expiresInMinutes: 30,
  },
  'password-changed': {
    changedAt: '3 maart 2025 om 14:05',
    resetUrl: 'https://politiekactief.example/auth/forgot-password',
  },
  'account-exists': {
    loginUrl: 'https://politiekactief.example/auth/login',
    resetUrl: 'https://politiekactief.example/auth/forgot-password?email=hint',
  },
  'registration-confirmed': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    organisationName: 'Stichting Samen Zwolle',
    sessions,
    venue: 'Stadhuis Zwolle, Grote Kerkplein 15',
    onlineUrl: 'https://meet.example/zwolle?room=1&pw=x',
    accessibilityInfo: 'Er is een lift en een ringleiding.',
    manageUrl: 'https://politiekactief.example/aanmelding/r1?token=abc&actie=bekijken',
    cancellationDeadline: 'ma 11 januari 2027, 12:00',
  },
  'registration-waitlisted': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    position: 3,
    manageUrl: 'https://politiekactief.example/aanmelding/r2?token=def',
  },
  'seat-offered': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    sessions,
    claimUrl: 'https://politiekactief.example/aanmelding/r2/plek?token=ghi&bron=email',
    expiresAt: 'vr 8 januari 2027, 12:00',
  },
  'offer-expired': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    coursesUrl: 'https://politiekactief.example/cursussen?plaats=zwolle',
  },
  'registration-cancelled': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    coursesUrl: 'https://politiekactief.example/cursussen',
    hadSeat: true,
  },
  'course-reminder': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    sessions,
    venue: 'Stadhuis Zwolle, Grote Kerkplein 15',
    onlineUrl: 'https://meet.example/zwolle?room=1&pw=x',
    manageUrl: 'https://politiekactief.example/aanmelding/r1?token=abc',
  },
  'sessions-changed': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    sessions,
    venue: 'Bibliotheek Zwolle, Diezerkade 1',
    manageUrl: 'https://politiekactief.example/aanmelding/r1?token=abc',
  },
  'course-cancelled': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    organisationName: 'Stichting Samen Zwolle',
    coursesUrl: 'https://politiekactief.example/cursussen',
  },
  'follow-up-attended': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    completed: true,
    certificate: true,
    mentoringUrl: 'https://politiekactief.example/mentor?bron=cursus&id=1',
    coursesUrl: 'https://politiekactief.example/cursussen',
  },
  'follow-up-no-show': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    nearbyCourses: [
      {
        title: 'Politiek Actief Kampen',
        date: 'di 9 maart 2027',
        url: 'https://politiekactief.example/cursussen/kampen?jaar=2027&ref=mail',
      },
      { title: 'Politiek Actief Deventer', date: 'do 18 maart 2027', url: 'https://politiekactief.example/cursussen/deventer' },
    ],
    coursesUrl: 'https://politiekactief.example/cursussen',
    mentoringUrl: 'https://politiekactief.example/mentoraat?bron=cursus-opvolging&utm_medium=email',
  },
  'sign-up-confirm': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    organisationName: 'Stichting Samen Zwolle',
    sessions,
    confirmUrl: 'https://politiekactief.example/aanmelden/bevestigen/abc?x=1&y=2',
    expiresInHours: 24,
  },
  'registration-exists': {
    courseTitle: 'Politiek Actief Zwolle',
    manageUrl: 'https://politiekactief.example/aanmelding/r1?token=abc&actie=bekijken',
  },
  'coordinator-message': {
    name: 'Fatima',
    courseTitle: 'Politiek Actief Zwolle',
    organisationName: 'Stichting Samen Zwolle',
    subject: 'Andere ingang',
    body: 'Hoi allemaal,\n\nDinsdag is de hoofdingang dicht.\nGebruik de achteringang.\n\nTot dinsdag!',
    manageUrl: 'https://politiekactief.example/aanmelding/r1?token=abc',
  },
  'mentor-invitation': {
    name: 'Fatima',
    networkName: 'Vrouwen in de raad',
    organisationName: 'Nederlandse Vereniging voor Raadsleden',
    invitedBy: 'Cor Coördinator',
    url: 'https://politiekactief.example/mentor/uitnodiging/abc?ref=mail&x=1',
    expiresInDays: 14,
  },
  'application-received': {
    name: 'Fatima',
    networkName: 'Vrouwen in de raad',
    organisationName: 'Nederlandse Vereniging voor Raadsleden',
    accountUrl: 'https://politiekactief.example/account/mentoraat?van=mail&x=1',
  },
  'match-proposed': {
    name: 'Henk',
    menteeFirstName: 'Fatima',
    municipality: 'Zwolle',
    networkName: 'Vrouwen in de raad',
    reasons: [
      'Jullie wonen allebei in Zwolle',
      "2 gedeelde thema's: zorg en onderwijs",
      'Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden',
    ],
    proposalUrl: 'https://politiekactief.example/mentor/voorstellen/m1?bron=email&x=1',
    expiresInDays: 14,
  },
  'match-introduction': {
    name: 'Fatima',
    role: 'mentee',
    otherName: 'Jan de Vries',
    otherEmail: 'jan@example.org',
    otherPhone: '06 12345678',
    networkName: 'Vrouwen in de raad',
    matchUrl: 'https://politiekactief.example/koppeling/m1?bron=mail&x=1',
  },
  'match-reminder': {
    name: 'Jan de Vries',
    menteeFirstName: 'Fatima',
    networkName: 'Vrouwen in de raad',
    proposalUrl: 'https://politiekactief.example/mentor/voorstellen/m1?bron=mail&x=1',
    expiresOn: '15 maart 2027',
  },
  'match-expired': {
    name: 'Jan de Vries',
    menteeFirstName: 'Fatima',
    networkName: 'Vrouwen in de raad',
    mentorUrl: 'https://politiekactief.example/mentor?bron=mail&x=1',
  },
  'match-alert': {
    name: 'Coördinator',
    networkName: 'Vrouwen in de raad',
    mentorName: 'Jan de Vries',
    menteeFirstName: 'Fatima',
    daysWaiting: 10,
    expiresOn: '15 maart 2027',
    matchesUrl: 'https://politiekactief.example/beheer/netwerken/n1/koppelingen?x=1&y=2',
  },
  'match-nudge': {
    name: 'Fatima',
    otherName: 'Jan de Vries',
    weeks: 6,
    matchUrl: 'https://politiekactief.example/koppeling/m1?bron=mail&x=1',
  },
  'match-feedback-request': {
    name: 'Fatima',
    otherName: 'Jan de Vries',
    moment: 'four-weeks',
    networkName: 'Vrouwen in de raad',
    feedbackUrl: 'https://politiekactief.example/koppeling/m1/feedback?moment=four-weeks&x=1',
  },
  'match-ended': {
    name: 'Fatima',
    role: 'mentee',
    otherName: 'Jan de Vries',
    endedBy: 'mentor',
    networkName: 'Vrouwen in de raad',
    backInPool: true,
    accountUrl: 'https://politiekactief.example/account/koppelingen?x=1&y=2',
  },
  'coordinator-invitation': {
    organisation: 'Stichting Samen Zwolle',
    url: 'https://politiekactief.example/beheer/uitnodiging/abc?bron=email&x=1',
    expiresInDays: 14,
  },
  'coordinator-appointed': {
    name: 'Fatima',
    organisation: 'Stichting Samen Zwolle',
    url: 'https://politiekactief.example/beheer?organisatie=o1&bron=email',
  },
  'retention-warning': {
    name: 'Noor',
    deleteOn: '1 februari 2027',
    loginUrl: 'https://politiekactief.example/inloggen',
    privacyUrl: 'https://politiekactief.example/privacy',
  },
  'match-partner-left': {
    name: 'Sanne',
    partnerRole: 'mentee',
    networkName: 'Mentornetwerk Overijssel',
    mentoringUrl: 'https://politiekactief.example/mentoraat',
  },
  'outcome-question': {
    name: 'Fatima',
    question: 'list',
    electionName: 'Gemeenteraadsverkiezingen 2026',
    yesUrl: 'https://politiekactief.example/uitslag/abc.def?antwoord=ja&x=1',
    noUrl: 'https://politiekactief.example/uitslag/abc.def?antwoord=nee&x=1',
    accountUrl: 'https://politiekactief.example/account/kandidaat',
    preferencesUrl: 'https://politiekactief.example/account/e-mail',
  },
  'meeting-update': {
    name: 'Fatima',
    otherName: 'Jan de Vries',
    change: 'countered',
    byYou: false,
    when: 'dinsdag 12 januari 2027 om 19:30',
    durationMinutes: 60,
    place: 'Stadhuis Zwolle',
    videoUrl: 'https://meet.example/abc?x=1&y=2',
    matchUrl: 'https://politiekactief.example/koppeling/abc?x=1&y=2',
  },
  'meeting-check-in': {
    name: 'Fatima',
    otherName: 'Jan de Vries',
    when: 'dinsdag 12 januari 2027 om 19:30',
    checkInUrl: 'https://politiekactief.example/koppeling/abc?x=1&y=2#check-in',
  },
  'academy-application-received': {
    name: 'Fatima',
    academyName: 'Raadsledenacademie 2027',
    organisationName: 'NVR',
    closesAt: 'vrijdag 15 januari 2027, 23:59',
    accountUrl: 'https://politiekactief.example/account?x=1&y=2',
  },
  'academy-decision': {
    kind: 'declined',
    name: 'Fatima',
    academyName: 'Raadsledenacademie 2027',
    organisationName: 'NVR',
    reason: 'Je woont buiten de regio.',
    accountUrl: 'https://politiekactief.example/account?x=1&y=2',
  },
  'academy-reviewer-invitation': {
    academyName: 'Raadsledenacademie 2027',
    organisationName: 'NVR',
    invitedBy: 'Petra de Vries',
    url: 'https://politiekactief.example/academies/uitnodiging/abc?x=1&y=2',
    expiresInDays: 14,
  },
  'route-reminder': {
    name: 'Fatima',
    kind: 'step-soon',
    menteeName: null,
    stepTitle: 'Stuur je brief naar de kandidatencommissie',
    date: '10 april 2029',
    electionName: 'Gemeenteraadsverkiezingen 2030',
    routeUrl: 'https://politiekactief.example/koppeling/abc#route',
  },
  'placement-host-invitation': {
    name: 'Anne Jansen',
    academyName: 'Raadsledenacademie 2027',
    organisationName: 'NVR',
    invitedBy: 'Petra de Vries',
    url: 'https://politiekactief.example/stagebieder/uitnodiging/abc?x=1&y=2',
    expiresInDays: 14,
  },
  'placement-proposed': {
    hostName: 'Anne Jansen',
    participantName: 'Fatima',
    participantMunicipality: 'Zwolle',
    academyName: 'Raadsledenacademie 2027',
    dates: '12 t/m 14 april 2027',
    url: 'https://politiekactief.example/stagebieder?x=1&y=2',
  },
  'placement-confirmed': {
    role: 'participant',
    name: 'Fatima',
    otherName: 'Anne Jansen',
    academyName: 'Raadsledenacademie 2027',
    dates: '12 t/m 14 april 2027',
    place: 'Zwolle',
    url: 'https://politiekactief.example/account/academies?x=1&y=2',
  },
  'placement-update': {
    role: 'participant',
    name: 'Fatima',
    otherName: 'Anne Jansen',
    academyName: 'Raadsledenacademie 2027',
    dates: '12 t/m 14 april 2027',
    place: 'Zwolle',
    url: 'https://politiekactief.example/account/academies?x=1&y=2',
    change: 'called-off',
    by: 'slot-withdrawn',
    byYou: false,
    calendar: true,
  },
  'academy-completed': {
    name: 'Fatima',
    academyName: 'Raadsledenacademie 2027',
    accountUrl: 'https://politiekactief.example/account/academies?x=1&y=2',
  },
};

function propsFor<N extends EmailTemplateName>(name: N, locale: Locale): EmailTemplates[N] {
  return { ...samples[name], locale } as EmailTemplates[N];
}

/** Every URL in a template's sample props, also inside arrays and objects (e.g. nearby courses). */
function urlsOf(name: EmailTemplateName): string[] {
  const urls: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string' && value.startsWith('https://')) urls.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(samples[name]);
  return urls;
}

const templatesWithSessions = emailTemplateNames.filter((name) => 'sessions' in samples[name]);

const escapeHtml = (value: string) => value.replaceAll('&', '&amp;');

// A distinctive phrase per template and locale, to check the copy is in the right language.
const languageMarkers: Record<EmailTemplateName, Record<Locale, string[]>> = {
  'verify-email': { nl: ['e-mailadres', '24 uur'], en: ['email address', '24 hours'] },
  'login-link': { nl: ['inloggen', '15 minuten'], en: ['log in', '15 minutes'] },
  'password-reset': { nl: ['wachtwoord', '30 minuten'], en: ['password', '30 minutes'] },
  'password-changed': { nl: ['wachtwoord', 'uitgelogd'], en: ['password', 'logged you out'] },
  'account-exists': { nl: ['al een account'], en: ['already have an account'] },
  'registration-confirmed': {
    nl: ['je bent aangemeld', 'agendabestand (.ics)', 'afmelden kan tot'],
    en: ['you are registered', 'calendar file (.ics)', 'you can cancel until'],
  },
  'registration-waitlisted': { nl: ['wachtlijst', 'nummer 3'], en: ['waiting list', 'number 3'] },
  'seat-offered': { nl: ['plek bevestigen', 'vóór vr 8 januari 2027, 12:00'], en: ['confirm my seat', 'before vr 8 januari 2027, 12:00'] },
  'offer-expired': { nl: ['niet op tijd bevestigd'], en: ['did not confirm it in time'] },
  'registration-cancelled': { nl: ['je bent afgemeld'], en: ['has been cancelled'] },
  'course-reminder': { nl: ['begint binnenkort', 'online meedoen'], en: ['starts soon', 'join online'] },
  'sessions-changed': { nl: ['nieuwe rooster', 'agendabestand (.ics)'], en: ['new schedule', 'calendar file (.ics)'] },
  'course-cancelled': { nl: ['gaat niet door', 'stichting samen zwolle'], en: ['has been cancelled', 'stichting samen zwolle'] },
  'follow-up-attended': {
    nl: ['gefeliciteerd', 'publieke tribune', 'mentor vragen', 'bewijs van deelname zit als pdf'],
    en: ['congratulations', 'public gallery', 'ask for a mentor', 'certificate of participation is attached'],
  },
  'follow-up-no-show': { nl: ['we hebben je gemist', 'begint di 9 maart 2027'], en: ['we missed you', 'starts di 9 maart 2027'] },
  'registration-exists': { nl: ['al aangemeld', 'negeren'], en: ['already registered', 'ignore'] },
  'sign-up-confirm': {
    nl: ['rond je aanmelding af', 'nog geen plek', '24 uur'],
    en: ['complete your sign-up', 'not holding a seat', '24 hours'],
  },
  'application-received': { nl: ['je aanvraag is binnen', 'intrekken'], en: ['your application is in', 'withdraw'] },
  'coordinator-message': {
    nl: ['stuurt je dit bericht', 'dinsdag is de hoofdingang dicht.'],
    en: ['sends you this message', 'dinsdag is de hoofdingang dicht.'],
  },
  'mentor-invitation': { nl: ['mentor te worden', '14 dagen'], en: ['to be a mentor', '14 days'] },
  'match-proposed': {
    nl: ['stelt voor dat jij de mentor wordt', 'Jullie wonen allebei in Zwolle'],
    en: ['proposes that you become the mentor', 'Jullie wonen allebei in Zwolle'],
  },
  'match-introduction': {
    nl: ['jullie zijn gekoppeld', 'jan@example.org', '06 12345678'],
    en: ['you have been matched', 'jan@example.org', '06 12345678'],
  },
  'match-reminder': { nl: ['wachten op je antwoord', 'vóór 15 maart 2027'], en: ['waiting for your answer', 'before 15 maart 2027'] },
  'match-expired': {
    nl: ['het voorstel is vervallen', 'geen antwoord op tijd', 'andere mentor'],
    en: ['the proposal has lapsed', 'did not get an answer in time', 'another mentor'],
  },
  'match-alert': { nl: ['10 dagen geleden', 'jan de vries'], en: ['10 days ago', 'jan de vries'] },
  'match-nudge': { nl: ['al 6 weken'], en: ['for 6 weeks'] },
  'match-feedback-request': { nl: ['vier weken gekoppeld', 'cijfer van 1 tot 5'], en: ['for four weeks now', 'score from 1 to 5'] },
  'match-ended': { nl: ['heeft de koppeling gestopt', 'nieuwe mentor'], en: ['has ended the match', 'new mentor'] },
  'coordinator-invitation': { nl: ['uitgenodigd', '14 dagen'], en: ['invited', '14 days'] },
  'coordinator-appointed': { nl: ['coördinator gemaakt', 'beste fatima'], en: ['made you a coordinator', 'dear fatima'] },
  'retention-warning': { nl: ['account verwijderen', '1 februari 2027'], en: ['delete your account', '1 februari 2027'] },
  'match-partner-left': { nl: ['je mentee', 'is gestopt'], en: ['your mentee', 'has stopped'] },
  'outcome-question': { nl: ['kandidatenlijst', 'e-mailinstellingen'], en: ['candidate list', 'email settings'] },
  'meeting-update': { nl: ['andere tijd', 'agenda'], en: ['another time', 'calendar'] },
  'meeting-check-in': { nl: ['afspraak', 'opschrijven'], en: ['meeting', 'write down'] },
  'academy-application-received': { nl: ['je aanmelding is binnen', 'intrekken'], en: ['your application is in', 'withdraw'] },
  'academy-decision': { nl: ['niet gekozen', 'je woont buiten de regio.'], en: ['not been chosen', 'je woont buiten de regio.'] },
  'academy-reviewer-invitation': { nl: ['beoordelen', '14 dagen'], en: ['review', '14 days'] },
  'route-reminder': { nl: ['over ongeveer twee weken', 'kandidatencommissie'], en: ['in about two weeks', 'kandidatencommissie'] },
  'placement-host-invitation': { nl: ['meeloopstage', '14 dagen'], en: ['job-shadowing placement', '14 days'] },
  'placement-proposed': { nl: ['ja of nee', 'zwolle'], en: ['yes or no', 'zwolle'] },
  'placement-confirmed': { nl: ['staat vast', 'agenda'], en: ['confirmed', 'calendar'] },
  'placement-update': { nl: ['gaat niet door', 'biedt deze dagen niet meer aan'], en: ['called off', 'no longer offers these days'] },
  'academy-completed': { nl: ['afgerond', 'certificaat'], en: ['completed', 'certificate'] },
};

describe('email templates', () => {
  it('registers every template', () => {
    expect([...emailTemplateNames].sort()).toEqual(Object.keys(samples).sort());
  });

  describe.each(emailTemplateNames)('%s', (name) => {
    it('has a non-empty subject that differs between nl and en', async () => {
      const nl = await renderEmail(name, propsFor(name, 'nl'));
      const en = await renderEmail(name, propsFor(name, 'en'));
      expect(nl.subject.trim()).not.toBe('');
      expect(en.subject.trim()).not.toBe('');
      expect(nl.subject).not.toBe(en.subject);
    });

    it.each(locales)('renders in %s', async (locale) => {
      const { html, text } = await renderEmail(name, propsFor(name, locale));

      expect(html).toContain(`lang="${locale}"`);

      for (const url of urlsOf(name)) {
        expect(html).toContain(`href="${escapeHtml(url)}"`);
        expect(text).toContain(url);
      }

      expect(text).not.toMatch(/<\/?[a-z][^>]*>/i);
      expect(text).not.toMatch(/&(amp|lt|gt|quot|#\d+);/);

      const lowerText = text.toLowerCase();
      for (const marker of languageMarkers[name][locale]) {
        expect(lowerText).toContain(marker.toLowerCase());
      }
      const footer = locale === 'nl' ? 'je ontvangt deze e-mail' : 'you are receiving this email';
      expect(lowerText).toContain(footer);
    });
  });

  it('keeps Dutch and English apart', async () => {
    const nl = await renderEmail('verify-email', propsFor('verify-email', 'nl'));
    const en = await renderEmail('verify-email', propsFor('verify-email', 'en'));
    expect(nl.text).toContain('e-mailadres');
    expect(nl.text).not.toContain('email address');
    expect(en.text).toContain('email address');
    expect(en.text).not.toContain('e-mailadres');
  });

  it('prints each button link once in the plain text', async () => {
    const props = propsFor('account-exists', 'nl');
    const { text } = await renderEmail('account-exists', props);
    expect(text.split(props.loginUrl)).toHaveLength(2);
    expect(text.split(props.resetUrl)).toHaveLength(2);
  });

  it('does not tell people to ignore a password-changed notice', async () => {
    for (const locale of locales) {
      const { text } = await renderEmail('password-changed', propsFor('password-changed', locale));
      expect(text).not.toMatch(/negeren|ignore/i);
    }
  });

  it('falls back to Dutch for an unknown locale', async () => {
    const props = { ...propsFor('login-link', 'nl'), locale: 'de' as Locale };
    const { html, subject } = await renderEmail('login-link', props);
    expect(html).toContain('lang="nl"');
    expect(subject).toBe((await renderEmail('login-link', propsFor('login-link', 'nl'))).subject);
  });

  describe.each(templatesWithSessions)('%s lists the sessions', (name) => {
    it.each(locales)('one a line in the plain text (%s)', async (locale) => {
      const { html, text } = await renderEmail(name, propsFor(name, locale));
      const lines = text.split('\n').map((line) => line.trim());
      for (const line of sessionLines) {
        expect(lines).toContain(line);
      }
      expect(html).toContain('<li');
    });
  });

  it('gives the email subjects the course title on one line', async () => {
    const props = { ...propsFor('coordinator-message', 'nl'), courseTitle: 'Politiek Actief\r\nZwolle', subject: '  Andere\ningang  ' };
    const { subject } = await renderEmail('coordinator-message', props);
    expect(subject).toBe('Bericht over Politiek Actief Zwolle: Andere ingang');
    const en = await renderEmail('coordinator-message', { ...props, locale: 'en' });
    expect(en.subject).toBe('Message about Politiek Actief Zwolle: Andere ingang');
  });

  it('escapes markup in a coordinator message and keeps its paragraphs and line breaks', async () => {
    const props = {
      ...propsFor('coordinator-message', 'nl'),
      subject: '<b>Let op</b>',
      body: 'Eerste regel\r\ntweede regel\n\n\n<script>alert(1)</script>\n  \nLaatste & "beste"',
    };
    const { html, text, subject } = await renderEmail('coordinator-message', props);

    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;Let op&lt;/b&gt;');
    expect(html).toMatch(/Eerste regel<br\/?>tweede regel/);

    // Plain text is not interpreted, so the message reads exactly as typed.
    expect(text).toContain('Eerste regel\ntweede regel\n\n<script>alert(1)</script>\n\nLaatste & "beste"');
    expect(subject).toBe('Bericht over Politiek Actief Zwolle: <b>Let op</b>');
  });

  it('leaves out what a confirmation does not have', async () => {
    for (const locale of locales) {
      const props = { ...propsFor('registration-confirmed', locale), onlineUrl: null, accessibilityInfo: '  ', cancellationDeadline: null };
      const { text } = await renderEmail('registration-confirmed', props);
      expect(text).not.toMatch(/online|toegankelijkheid|accessibility|afmelden kan tot|cancel until/i);
      expect(text).toContain(props.manageUrl);
    }
  });

  it('only congratulates people who completed the course', async () => {
    for (const locale of locales) {
      const props = { ...propsFor('follow-up-attended', locale), completed: false, certificate: false };
      const { text } = await renderEmail('follow-up-attended', props);
      expect(text).not.toMatch(/gefeliciteerd|congratulations|bewijs van deelname|certificate/i);
      expect(text).toContain(props.mentoringUrl);
    }
  });

  it('points to the catalogue when there are no courses nearby', async () => {
    for (const locale of locales) {
      const props = { ...propsFor('follow-up-no-show', locale), nearbyCourses: [] };
      const { html, text } = await renderEmail('follow-up-no-show', props);
      expect(html).not.toContain('<li');
      expect(text).toContain(props.coursesUrl);
      expect(text).not.toContain('Kampen');
    }
  });

  it('gives the mentor the reasons of a proposal in words written to them, also from reasons stored before', async () => {
    // As publishRun stores and sends them: one reason from before mentors had their own wording.
    const stored = [
      { nl: 'Jullie wonen allebei in Zwolle', en: 'You both live in Zwolle' },
      {
        nl: 'Je mentor is raadslid: dat past bij je doel om raadslid te worden',
        en: 'Your mentor is a council member: that fits your goal to become a council member',
        mentor: {
          nl: 'Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden',
          en: "You are a council member: that fits your mentee's goal to become a council member",
        },
      },
      { nl: 'Je hebt nog geen partij: je mentor kan je helpen kiezen', en: 'You have no party yet: your mentor can help you choose' },
    ];
    const expected: Record<Locale, string[]> = {
      nl: [
        '- Jullie wonen allebei in Zwolle',
        '- Je bent raadslid: dat past bij het doel van je mentee: om raadslid te worden',
        '- Je mentee heeft nog geen partij: jij kunt helpen kiezen',
      ],
      en: [
        '- You both live in Zwolle',
        "- You are a council member: that fits your mentee's goal to become a council member",
        '- Your mentee has no party yet: you can help them choose',
      ],
    };
    for (const locale of locales) {
      const props = { ...propsFor('match-proposed', locale), reasons: stored.map((r) => mentorWording(r)[locale]) };
      const { text } = await renderEmail('match-proposed', props);
      const lines = text.split('\n').map((line) => line.trim());
      for (const line of expected[locale]) expect(lines).toContain(line);
      expect(text).not.toMatch(menteeWording);
    }
  });

  it('does not tell course participants to ignore their course emails', async () => {
    // These two go to whoever's address was typed into the form, who may not have signed up at all.
    const toTypedAddress: EmailTemplateName[] = ['registration-exists', 'sign-up-confirm'];
    for (const name of emailTemplateNames.filter((name) => !toTypedAddress.includes(name) && 'courseTitle' in samples[name])) {
      for (const locale of locales) {
        const { text } = await renderEmail(name, propsFor(name, locale));
        expect(text).not.toMatch(/negeren|ignore/i);
      }
    }
  });
});

describe('copy of every template', () => {
  /** The text without its links, whose `?` and `.` belong to the address. */
  const prose = (text: string) => text.replace(/https?:\/\/\S+/g, ' ');
  // A mark and then a full stop, question or exclamation mark ("gemeenteraad?.", "zo ,."), spaces
  // between them or not. A title's "?" before a comma or a colon is left alone; "…" is one character.
  const doublePunctuation = /[?!.,;:]\s*[?!.]/;

  // Titles and names that end in a mark of their own, as people write them ("Hoe werkt de gemeenteraad?").
  const withOwnMarks = <T>(value: T): T => {
    if (Array.isArray(value)) return value.map(withOwnMarks) as T;
    if (!value || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        typeof v === 'string' && /title$|organisationName$|networkName$/i.test(key) ? `${v}?` : withOwnMarks(v),
      ]),
    ) as T;
  };

  it('never ends a sentence twice, also after a title that ends in a question mark', async () => {
    const found: string[] = [];
    for (const name of emailTemplateNames) {
      for (const locale of locales) {
        const { subject, text } = await renderEmail(name, withOwnMarks(propsFor(name, locale)));
        for (const line of [subject, ...prose(text).split('\n')]) {
          if (doublePunctuation.test(line)) found.push(`${name} (${locale}): ${line.trim()}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('never points at a button "above" in the plain text, which has no buttons', async () => {
    const found: string[] = [];
    for (const name of emailTemplateNames) {
      for (const locale of locales) {
        const { text } = await renderEmail(name, propsFor(name, locale));
        for (const line of text.split('\n')) if (/hierboven|above/i.test(line)) found.push(`${name} (${locale}): ${line.trim()}`);
      }
    }
    expect(found).toEqual([]);
  });
});

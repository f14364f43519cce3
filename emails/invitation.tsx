import { oneLine } from './course-parts';
import { EmailButton, EmailHeading, EmailLayout, formatDuration, Paragraph, resolveLocale, type Locale, stop } from './layout';

// One email for every invitation by link (ADR 022): coordinator of an organisation, mentor in a
// network, reviewer of an academy, host of an academy's placements. The letter is the same (heading,
// greeting, what is asked, the button, how long the link works); each kind has its own words. Each kind
// keeps its template name and props, so messages already queued in the outbox still render.

type Common = { locale: Locale; url: string; expiresInDays: number };
type FromCoordinator = { organisationName: string; invitedBy: string };

export type CoordinatorInvitationProps = Common & { organisation: string };
export type MentorInvitationProps = Common & FromCoordinator & { name: string; networkName: string };
export type AcademyReviewerInvitationProps = Common & FromCoordinator & { academyName: string };
export type PlacementHostInvitationProps = Common & FromCoordinator & { name: string; academyName: string };

/** What one kind's email says, in one language; absent paragraphs are left out. */
type Letter = {
  subject: string;
  preview: string;
  heading: string;
  greeting?: string;
  intro: string;
  how?: string;
  notYou?: string;
};

/** The same in every invitation. */
const shared = {
  nl: {
    button: 'Uitnodiging bekijken',
    validity: (days: number) => `De link werkt ${formatDuration('nl', days, 'days')} en je kunt hem één keer gebruiken.`,
    notYou: 'Verwachtte je deze e-mail niet? Dan kun je hem negeren.',
  },
  en: {
    button: 'View the invitation',
    validity: (days: number) => `The link works for ${formatDuration('en', days, 'days')} and you can use it once.`,
    notYou: 'Not expecting this email? Then you can ignore it.',
  },
} satisfies Record<Locale, unknown>;

type Words<P> = Record<Locale, (props: P) => Letter>;

const coordinatorWords: Words<CoordinatorInvitationProps> = {
  nl: ({ organisation }) => ({
    subject: `Uitnodiging: coördinator van ${organisation} op Politiek Actief`,
    preview: `Je bent uitgenodigd om coördinator te worden van ${stop(organisation)}`,
    heading: 'Je bent uitgenodigd als coördinator',
    intro: `Een beheerder van Politiek Actief heeft je uitgenodigd om coördinator te worden van ${stop(organisation)} Als coördinator beheer je cursussen, mentornetwerken en academies van deze organisatie.`,
    how: 'Klik op de knop. Je maakt dan een account met je naam en een wachtwoord, of je logt in als je al een account hebt.',
  }),
  en: ({ organisation }) => ({
    subject: `Invitation: coordinator of ${organisation} on Politiek Actief`,
    preview: `You are invited to become a coordinator of ${stop(organisation)}`,
    heading: 'You are invited as a coordinator',
    intro: `An administrator of Politiek Actief invited you to become a coordinator of ${stop(organisation)} As a coordinator you manage this organisation's courses, mentor networks and academies.`,
    how: 'Click the button. You then create an account with your name and a password, or you log in if you already have one.',
  }),
};

const mentorWords: Words<MentorInvitationProps> = {
  nl: ({ name, networkName, organisationName, invitedBy }) => ({
    subject: `Uitnodiging: word mentor in ${networkName}`,
    preview: `${organisationName} vraagt of je mentor wilt worden.`,
    heading: 'Word je mentor?',
    greeting: `Beste ${name},`,
    intro: `${invitedBy} van ${organisationName} nodigt je uit om mentor te worden in het netwerk ${stop(networkName)} Als mentor help je iemand die nieuw is in de lokale politiek een paar maanden op weg.`,
    how: 'Open de link om de uitnodiging te bekijken. Heb je nog geen account? Dan maak je er meteen een. Daarna vul je je mentorprofiel in: wie je bent, waar je woont en hoeveel mensen je wilt begeleiden.',
    notYou: `${shared.nl.notYou} Er gebeurt niets zonder dat je de uitnodiging accepteert.`,
  }),
  en: ({ name, networkName, organisationName, invitedBy }) => ({
    subject: `Invitation: become a mentor in ${networkName}`,
    preview: `${organisationName} asks whether you would like to be a mentor.`,
    heading: 'Will you be a mentor?',
    greeting: `Dear ${name},`,
    intro: `${invitedBy} of ${organisationName} invites you to be a mentor in the network ${stop(networkName)} As a mentor you help someone who is new to local politics for a few months.`,
    how: 'Open the link to see the invitation. No account yet? Then you create one straight away. After that you fill in your mentor profile: who you are, where you live and how many people you want to mentor.',
    notYou: `${shared.en.notYou} Nothing happens unless you accept the invitation.`,
  }),
};

const reviewerWords: Words<AcademyReviewerInvitationProps> = {
  nl: ({ academyName, organisationName, invitedBy }) => ({
    subject: `Uitnodiging: beoordeel de aanmeldingen voor ${oneLine(academyName)}`,
    preview: `${organisationName} vraagt of je aanmeldingen wilt beoordelen.`,
    heading: 'Wil je aanmeldingen beoordelen?',
    intro: `${invitedBy} van ${organisationName} vraagt je om de aanmeldingen voor ${stop(academyName)} te beoordelen. Je geeft elke aanmelding een cijfer per onderdeel. Je ziet de cijfers van anderen pas als je zelf een cijfer hebt gegeven.`,
    notYou: shared.nl.notYou,
  }),
  en: ({ academyName, organisationName, invitedBy }) => ({
    subject: `Invitation: review the applications for ${oneLine(academyName)}`,
    preview: `${organisationName} asks whether you would like to review applications.`,
    heading: 'Will you review applications?',
    intro: `${invitedBy} of ${organisationName} asks you to review the applications for ${stop(academyName)} You score each application on each criterion. You see other people's scores only after giving your own.`,
    notYou: shared.en.notYou,
  }),
};

const hostWords: Words<PlacementHostInvitationProps> = {
  nl: ({ name, academyName, organisationName, invitedBy }) => ({
    subject: `Uitnodiging: laat deelnemers van ${oneLine(academyName)} met je meelopen`,
    preview: `${organisationName} vraagt of je een meeloopstage wilt aanbieden.`,
    heading: 'Wil je een meeloopstage aanbieden?',
    greeting: name ? `Beste ${name},` : 'Hallo,',
    intro: `${invitedBy} van ${organisationName} vraagt of deelnemers van ${stop(academyName)} een paar dagen met je mogen meelopen. Je kiest zelf de dagen, de plaats en hoeveel deelnemers je ontvangt. Daarna stellen wij deelnemers aan je voor, en je zegt ja of nee.`,
    notYou: shared.nl.notYou,
  }),
  en: ({ name, academyName, organisationName, invitedBy }) => ({
    subject: `Invitation: let participants of ${oneLine(academyName)} shadow you`,
    preview: `${organisationName} asks whether you would host a job-shadowing placement.`,
    heading: 'Will you host a job-shadowing placement?',
    greeting: name ? `Dear ${name},` : 'Hello,',
    intro: `${invitedBy} of ${organisationName} asks whether participants of ${stop(academyName)} may shadow you for a few days. You choose the days, the place and how many participants you host. We then propose participants to you, and you say yes or no.`,
    notYou: shared.en.notYou,
  }),
};

/** A template module (component and subject, as `defineEmail` takes it) for one kind's words. */
function invitationTemplate<P extends Common>(words: Words<P>, previewProps: NoInfer<P>) {
  const letterOf = (props: P) => words[resolveLocale(props.locale)](props);
  function Invitation(props: P) {
    const lang = resolveLocale(props.locale);
    const letter = letterOf(props);
    return (
      <EmailLayout locale={lang} preview={letter.preview} title={letter.subject}>
        <EmailHeading>{letter.heading}</EmailHeading>
        {letter.greeting ? <Paragraph>{letter.greeting}</Paragraph> : null}
        <Paragraph>{letter.intro}</Paragraph>
        {letter.how ? <Paragraph>{letter.how}</Paragraph> : null}
        <EmailButton href={props.url}>{shared[lang].button}</EmailButton>
        <Paragraph>{shared[lang].validity(props.expiresInDays)}</Paragraph>
        {letter.notYou ? <Paragraph>{letter.notYou}</Paragraph> : null}
      </EmailLayout>
    );
  }
  Invitation.PreviewProps = previewProps;
  return { default: Invitation, subject: (props: P) => letterOf(props).subject };
}

const example = { locale: 'nl', expiresInDays: 14 } as const;

export const coordinatorInvitation = invitationTemplate(coordinatorWords, {
  ...example,
  organisation: 'Nederlandse Vereniging voor Raadsleden',
  url: 'https://politiekactief.example/beheer/uitnodiging/voorbeeld',
});

export const mentorInvitation = invitationTemplate(mentorWords, {
  ...example,
  name: 'Fatima',
  networkName: 'Vrouwen in de raad',
  organisationName: 'Nederlandse Vereniging voor Raadsleden',
  invitedBy: 'Cor Coördinator',
  url: 'https://politiekactief.example/mentor/uitnodiging/voorbeeld',
});

export const academyReviewerInvitation = invitationTemplate(reviewerWords, {
  ...example,
  academyName: 'Raadsledenacademie 2027',
  organisationName: 'Nederlandse Vereniging voor Raadsleden',
  invitedBy: 'Petra de Vries',
  url: 'https://politiekactief.example/academies/uitnodiging/abc',
});

export const placementHostInvitation = invitationTemplate(hostWords, {
  ...example,
  name: 'Anne Jansen',
  academyName: 'Oriëntatieprogramma burgemeesters 2027',
  organisationName: 'Nederlands Genootschap van Burgemeesters',
  invitedBy: 'Petra de Vries',
  url: 'https://politiekactief.example/stagebieder/uitnodiging/abc',
});

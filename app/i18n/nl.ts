// Dutch (B1): the default language. Keys are shared with en.ts, which must have every key.
import type { PluralKeyOf, TextKeyOf } from './types';
import { nl as courses } from './areas/courses.nl';
import { nl as feeds } from './areas/feeds.nl';
import { nl as certificates } from './areas/certificates.nl';
import { nl as manageCourses } from './areas/manage-courses.nl';
import { nl as mentoring } from './areas/mentoring.nl';
import { nl as networks } from './areas/networks.nl';
import { nl as applications } from './areas/applications.nl';
import { nl as matchingRuns } from './areas/matching-runs.nl';
import { nl as matches } from './areas/matches.nl';
import { nl as admin } from './areas/admin.nl';
import { nl as reports } from './areas/reports.nl';
import { nl as national } from './areas/national.nl';
import { nl as privacy } from './areas/privacy.nl';
import { nl as security } from './areas/security.nl';
import { nl as lists } from './areas/lists.nl';
import { nl as titles } from './areas/titles.nl';
import { nl as copyCourse } from './areas/copy-course.nl';
import { nl as courseList } from './areas/course-list.nl';
import { nl as needs } from './areas/needs.nl';
import { nl as meetings } from './areas/meetings.nl';
import { nl as pools } from './areas/pools.nl';
import { nl as academyCalls } from './areas/academy-calls.nl';
import { nl as academySelection } from './areas/academy-selection.nl';
import { nl as placements } from './areas/placements.nl';
import { nl as route } from './areas/route.nl';
import { nl as academyCohort } from './areas/academy-cohort.nl';
import { nl as invitations } from './areas/invitations.nl';

export const nl = {
  ...courses,
  ...feeds,
  ...certificates,
  ...manageCourses,
  ...mentoring,
  ...networks,
  ...applications,
  ...matchingRuns,
  ...matches,
  ...admin,
  ...reports,
  ...national,
  ...privacy,
  ...security,
  ...lists,
  ...titles,
  ...copyCourse,
  ...courseList,
  ...needs,
  ...meetings,
  ...pools,
  ...academyCalls,
  ...academySelection,
  ...placements,
  ...route,
  ...academyCohort,
  ...invitations,
  'meta.siteName': 'Politiek Actief',
  'meta.description': 'Word actief in de politiek van je gemeente: volg een cursus Politiek Actief of vind een mentor.',
  'layout.skip': 'Naar de inhoud',
  'layout.nav.label': 'Hoofdmenu',
  'layout.nav.home': 'Home',
  'layout.nav.courses': 'Cursussen',
  'layout.nav.mentoring': 'Mentoraat',
  'layout.nav.account': 'Mijn account',
  'layout.nav.login': 'Inloggen',
  'layout.nav.register': 'Account maken',
  'layout.nav.logout': 'Uitloggen',
  'layout.nav.manage': 'Beheer',
  'layout.nav.admin': 'Admin',
  'layout.language.label': 'Taal',
  'layout.language.switch': 'English',
  'layout.language.switchLabel': 'Switch to English',
  'layout.footer.about': 'Politiek Actief is open source. Het helpt nieuwe mensen op weg in de lokale politiek.',
  'layout.footer.privacy': 'Privacy',
  'layout.footer.accessibility': 'Toegankelijkheid',
  'layout.footer.mailbox': 'Testmailbox (ontwikkeling)',
  'layout.footer.label': 'Voettekst',

  'home.title': 'Politiek Actief',
  'home.lead': 'Iets willen veranderen in je eigen gemeente? Hier begin je.',

  'time.days': { one: '1 dag', other: '{count} dagen' },

  'form.required': 'verplicht',
  'form.honeypot': 'Laat dit veld leeg',
  'form.summary.title': {
    one: 'Er is 1 ding niet goed ingevuld',
    other: 'Er zijn {count} dingen niet goed ingevuld',
  },
  'form.summary.formOnly': 'Het formulier is niet verstuurd',
  'form.errors.email': 'Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.',
  'form.errors.emailRequired': 'Vul je e-mailadres in.',
  'form.errors.nameRequired': 'Vul je naam in.',
  'form.errors.nameTooLong': 'Je naam mag hoogstens 100 tekens lang zijn.',
  'form.errors.passwordRequired': 'Vul je wachtwoord in.',
  'form.errors.passwordTooShort': 'Kies een wachtwoord van minstens 12 tekens.',
  'form.errors.passwordTooLong': 'Kies een wachtwoord van hoogstens 200 tekens.',
  'form.errors.passwordsDiffer': 'De twee wachtwoorden zijn niet gelijk.',
  'form.errors.tooLong': 'Dit is te lang.',
  'form.rateLimited': {
    one: 'Te veel pogingen. Probeer het over 1 minuut opnieuw.',
    other: 'Te veel pogingen. Probeer het over {count} minuten opnieuw.',
  },

  'register.title': 'Account maken',
  'register.intro': 'Met een account zie je je aanmeldingen en kun je een mentor aanvragen. Voor een cursus heb je geen account nodig.',
  'register.name': 'Naam',
  'register.email': 'E-mailadres',
  'register.password': 'Wachtwoord',
  'register.passwordHint': 'Minstens 12 tekens. Een zin van een paar woorden is sterk en makkelijk te onthouden.',
  'register.submit': 'Account maken',
  'register.haveAccount': 'Heb je al een account?',
  'register.loginInstead': 'Log dan in',
  'register.sent.title': 'Kijk in je mailbox',
  'register.sent.body':
    'We hebben een e-mail gestuurd naar het adres dat je opgaf. Klik op de link in die e-mail om je account te activeren.',
  'register.sent.spam': 'Geen e-mail gekregen? Kijk ook bij ongewenste e-mail (spam). Of vraag op de inlogpagina een nieuwe link aan.',

  'verify.title': 'E-mailadres bevestigen',
  'verify.body': 'Klik op de knop om je e-mailadres te bevestigen. Daarna ben je ingelogd.',
  'verify.submit': 'Bevestig mijn e-mailadres',
  'verify.done': 'Je e-mailadres is bevestigd. Welkom!',

  'token.invalid.title': 'Deze link werkt niet',
  'token.invalid.body': 'De link is niet goed. Misschien is hij niet helemaal gekopieerd.',
  'token.expired.title': 'Deze link is verlopen',
  'token.expired.body': 'Om veiligheidsredenen werkt een link maar kort.',
  'token.used.title': 'Deze link is al gebruikt',
  'token.used.body': 'Een link werkt maar één keer.',
  'token.newLogin': 'Vraag een nieuwe inloglink aan',
  'token.newReset': 'Vraag een nieuwe link aan om je wachtwoord te herstellen',

  'login.title': 'Inloggen',
  'login.password.heading': 'Met je wachtwoord',
  'login.email': 'E-mailadres',
  'login.password': 'Wachtwoord',
  'login.submit': 'Inloggen',
  'login.invalid': 'Dit e-mailadres en wachtwoord horen niet bij elkaar. Controleer ze en probeer het opnieuw.',
  'login.unverified': 'Je e-mailadres is nog niet bevestigd. We hebben je een nieuwe link gestuurd. Klik daarop en log daarna in.',
  'login.forgot': 'Wachtwoord vergeten?',
  'login.link.heading': 'Met een link in je e-mail',
  'login.link.intro': 'Geen wachtwoord bij de hand? We sturen je een link waarmee je één keer inlogt.',
  'login.link.submit': 'Stuur mij een inloglink',
  'notice.login.linkSent': 'Als er een account is met dit e-mailadres, hebben we een inloglink gestuurd. De link werkt 15 minuten.',
  'login.noAccount': 'Nog geen account?',
  'login.registerInstead': 'Maak een account',
  'notice.login.loggedOut': 'Je bent uitgelogd.',
  'notice.login.passwordReset': 'Je wachtwoord is veranderd. Log in met je nieuwe wachtwoord.',
  'loginLink.title': 'Inloggen met je link',
  'loginLink.body': 'Klik op de knop om in te loggen.',
  'loginLink.submit': 'Inloggen',

  'logout.title': 'Uitloggen',
  'logout.body': 'Wil je uitloggen op dit apparaat?',
  'logout.submit': 'Uitloggen',

  'forgot.title': 'Wachtwoord vergeten',
  'forgot.intro': 'Vul je e-mailadres in. We sturen je een link om een nieuw wachtwoord te kiezen.',
  'forgot.submit': 'Stuur de link',
  'notice.forgot.sent': 'Als er een account is met dit e-mailadres, hebben we een link gestuurd. De link werkt 60 minuten.',

  'reset.title': 'Nieuw wachtwoord kiezen',
  'reset.password': 'Nieuw wachtwoord',
  'reset.confirm': 'Herhaal je nieuwe wachtwoord',
  'reset.submit': 'Wachtwoord opslaan',
  'reset.note': 'Na het opslaan word je overal uitgelogd.',

  'account.title': 'Mijn account',
  'account.welcome': 'Welkom, {name}.',
  'account.details': 'Je gegevens',
  'account.name': 'Naam',
  'account.email': 'E-mailadres',
  'account.verified': 'bevestigd',
  'account.notVerified': 'nog niet bevestigd',
  'notice.account.verified': 'Je e-mailadres is bevestigd.',
  'account.registrations.heading': 'Je aanmeldingen voor cursussen',
  'account.registrations.none': 'Je hebt je nog niet aangemeld voor een cursus.',
  'account.registrations.find': 'Zoek een cursus',
  'account.registrations.caption': 'Cursussen waarvoor je je hebt aangemeld',
  'account.registrations.course': 'Cursus',
  'account.registrations.date': 'Begint op',
  'account.registrations.status': 'Status',
  'account.registrations.action': 'Afmelden',
  'account.registrations.confirmed': 'Aangemeld',
  'account.registrations.waitlisted': 'Op de wachtlijst, plek {position}',
  'account.registrations.offered': 'Er is een plek voor je: bevestig die via de link in je e-mail',
  'account.registrations.cancelledStatus': 'Afgemeld',
  'account.registrations.courseCancelled': 'De cursus gaat niet door',
  'account.registrations.cancel': 'Afmelden',
  'account.registrations.cancelFor': 'Afmelden voor {course}',
  'account.registrations.confirmHeading': 'Afmelden voor {course}?',
  'account.registrations.confirmQuestion': 'Weet je zeker dat je je wilt afmelden voor {course}? Je plek gaat dan naar iemand anders.',
  'account.registrations.confirmCancel': 'Ja, meld mij af',
  'account.registrations.keep': 'Nee, ik blijf aangemeld',
  'notice.registration.cancelled': 'Je bent afgemeld. We hebben je een bevestiging gestuurd.',
  'notice.registration.tooLate': 'Afmelden kan niet meer: de termijn is voorbij. Neem contact op met de organisator.',
  'account.password.heading': 'Wachtwoord veranderen',
  'account.password.current': 'Huidig wachtwoord',
  'account.password.new': 'Nieuw wachtwoord',
  'account.password.confirm': 'Herhaal je nieuwe wachtwoord',
  'account.password.submit': 'Wachtwoord veranderen',
  'account.password.wrong': 'Je huidige wachtwoord klopt niet.',
  'notice.account.passwordChanged': 'Je wachtwoord is veranderd. Je bent op je andere apparaten uitgelogd.',
  'account.sessions.heading': 'Overal uitloggen',
  'account.sessions.body': 'Ben je ergens ingelogd gebleven, bijvoorbeeld op een computer in de bibliotheek? Log dan overal uit.',
  'account.sessions.submit': 'Log overal uit',
  'account.roles.heading': 'Je rollen',
  'account.roles.coordinator': 'Coördinator van {organisation}',
  'account.roles.admin': 'Beheerder van het platform',
  'account.roles.none': 'Je hebt nog geen andere rol.',

  'manage.title': 'Beheer',
  'manage.intro': 'De organisaties waarvoor je coördinator bent.',
  'manage.none': 'Je bent nog geen coördinator van een organisatie. Een beheerder van het platform kan je toevoegen.',
  'admin.title': 'Admin: organisaties',
  'admin.intro': 'Alle organisaties op het platform.',
  'admin.table.caption': 'Organisaties',
  'admin.table.name': 'Naam',
  'admin.table.kind': 'Soort',
  'admin.table.coordinators': 'Coördinatoren',
  'org.kind.association': 'Vereniging',
  'org.kind.academy-provider': 'Academie',
  'org.kind.party': 'Partij',
  'org.kind.other': 'Anders',

  'mailbox.title': 'Testmailbox',
  'mailbox.intro': 'Zonder e-mailprovider komen alle e-mails hier terecht. Deze pagina bestaat alleen buiten productie.',
  'mailbox.empty': 'Nog geen e-mails.',
  'mailbox.noneFound': 'Geen e-mails aan zo’n adres.',
  'mailbox.caption': 'Verstuurde e-mails, nieuwste eerst',
  'mailbox.to': 'Aan',
  'mailbox.subject': 'Onderwerp',
  'mailbox.template': 'Sjabloon',
  'mailbox.status': 'Status',
  'mailbox.when': 'Tijd',
  'mailbox.links': 'Links in deze e-mail',
  'mailbox.attachments': 'Bijlagen',
  'mailbox.text': 'Tekstversie',
  'mailbox.html': 'HTML-versie',
  'mailbox.back': 'Terug naar de mailbox',
  'mailbox.filter.label': 'E-mails zoeken',
  'mailbox.filter.address': 'E-mailadres (of een deel ervan)',
  'mailbox.filter.submit': 'Zoeken',
  'mailbox.filter.clear': 'Toon alle e-mails',
  'mailbox.count': 'Aantal e-mails: {total}.',
  'mailbox.countFiltered': 'Aantal e-mails aan adressen met ‘{address}’: {total}.',
  'mailbox.pageOf': 'Pagina {page} van {pageCount}.',
  'mailbox.pages': 'Pagina’s met e-mails',
  'mailbox.newer': 'Nieuwere e-mails',
  'mailbox.older': 'Oudere e-mails',

  'notFound.title': 'Deze pagina bestaat niet',
  'notFound.body': 'Misschien is de pagina verplaatst, of zit er een tikfout in het adres.',
  'notFound.home': 'Naar de homepage',
  'error.title': 'Er ging iets mis',
  'error.body': 'Sorry, dit lukte niet. Probeer het later nog eens. Blijft het misgaan? Laat het ons weten.',
  'error.forbidden.title': 'Geen toegang',
  'error.forbidden.body': 'Je hebt geen toegang tot deze pagina.',
  'status.queued': 'in de wachtrij',
  'status.sending': 'wordt verstuurd',
  'status.sent': 'verstuurd',
  'status.failed': 'mislukt',
  'status.suppressed': 'niet verstuurd',
} as const;

/** A plain-text message's key: what `t(key)` takes. */
export type MessageKey = TextKeyOf<typeof nl>;
/** A counted message's key: what `t.plural(key, count)` takes. */
export type PluralKey = PluralKeyOf<typeof nl>;

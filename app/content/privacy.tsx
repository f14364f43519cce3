import type { ReactNode } from 'react';
import { DataTable } from '~/components/ui/data-table';
import { A, H2, H3, LI, MailLink, P, UL } from './prose';

type Locale = 'nl' | 'en';

export const privacyTitle = { nl: 'Privacyverklaring', en: 'Privacy statement' } as const;
export const privacyVersion = '1.2';
/** ISO date of the last change of this statement (shown as 7 December 2026). */
const privacyLastChanged = '2026-12-07';

const PRIVACY_EMAIL = 'privacy@politiekactief.example';
const ACCOUNT_PRIVACY_PATH = '/account/privacy';
const ACCOUNT_EMAIL_PATH = '/account/e-mail';
const SPECIAL_SECTION_ID = 'bijzondere-gegevens';

/** One "what / why / legal basis" block for a kind of data. */
function DataPurpose({
  labels,
  what,
  why,
  basis,
}: {
  labels: { what: string; why: string; basis: string };
  what: ReactNode;
  why: ReactNode;
  basis: ReactNode;
}) {
  return (
    <UL>
      <LI>
        <strong>{labels.what}</strong> {what}
      </LI>
      <LI>
        <strong>{labels.why}</strong> {why}
      </LI>
      <LI>
        <strong>{labels.basis}</strong> {basis}
      </LI>
    </UL>
  );
}

function RetentionTable({ caption, head, rows }: { caption: string; head: [string, string]; rows: Array<[string, string]> }) {
  return (
    <DataTable
      caption={caption}
      rows={rows}
      rowKey={([data]) => data}
      columns={[
        { key: 'data', header: head[0], cell: ([data]) => data, rowHeader: true },
        { key: 'period', header: head[1], cell: ([, period]) => period },
      ]}
    />
  );
}

function PrivacyNl() {
  const labels = { what: 'Wat we bewaren:', why: 'Waarom:', basis: 'Grondslag:' };
  return (
    <>
      <P>
        In deze verklaring lees je welke persoonsgegevens Politiek Actief bewaart, waarom we dat doen en welke rechten je hebt. We houden
        ons aan de Algemene verordening gegevensbescherming (AVG). Dat is de Europese wet over privacy.
      </P>
      <P>
        Versie {privacyVersion}, laatst gewijzigd op <time dateTime={privacyLastChanged}>7 december 2026</time>.
      </P>

      <H2>In het kort</H2>
      <UL>
        <LI>We vragen alleen gegevens die we echt nodig hebben.</LI>
        <LI>We verkopen je gegevens nooit. We volgen je niet en we tonen geen reclame.</LI>
        <LI>Gegevens over een beperking bewaren we alleen als je daar apart toestemming voor geeft. Mentoren zien die gegevens nooit.</LI>
        <LI>Je kunt al je gegevens downloaden en je account zelf verwijderen.</LI>
      </UL>

      <H2>Wie is verantwoordelijk?</H2>
      <P>
        Politiek Actief is open-source software. Verschillende organisaties kunnen de software gebruiken. De organisatie die deze website
        beheert, is verantwoordelijk voor je gegevens. In de AVG heet dat de verwerkingsverantwoordelijke.
      </P>
      <P>
        Heb je een vraag over privacy? Mail dan naar <MailLink address={PRIVACY_EMAIL} />.
      </P>

      <H2>Welke gegevens bewaren we en waarom?</H2>
      <P>
        Hieronder lees je per soort gegevens wat we bewaren en waarvoor we het gebruiken. Je leest ook op welke grond dat mag. De AVG noemt
        dat de grondslag. Wij gebruiken deze drie grondslagen:
      </P>
      <UL>
        <LI>
          <strong>Toestemming.</strong> Je hebt ons zelf toestemming gegeven. Je kunt die altijd weer intrekken.
        </LI>
        <LI>
          <strong>Nodig voor wat je vraagt.</strong> We hebben de gegevens nodig om te doen wat je aan ons vraagt, bijvoorbeeld je aanmelden
          voor een cursus. In de AVG heet dit: uitvoering van een overeenkomst.
        </LI>
        <LI>
          <strong>Gerechtvaardigd belang.</strong> We hebben de gegevens nodig om de website veilig te houden.
        </LI>
      </UL>

      <H3>Je account</H3>
      <DataPurpose
        labels={labels}
        what={
          <>
            je e-mailadres, je naam en je wachtwoord. Je wachtwoord bewaren we alleen als hash. Dat is een onleesbare code: ook wij kunnen
            je wachtwoord daar niet uit halen. Log je in met een link per e-mail? Dan hebben we geen wachtwoord van je. We bewaren ook
            waarvoor je toestemming gaf, bij welke versie van de tekst en wanneer.
          </>
        }
        why="zodat je kunt inloggen en je aanmeldingen, aanvragen en koppelingen kunt zien."
        basis="nodig voor wat je vraagt."
      />

      <H3>Ingelogd blijven (sessies)</H3>
      <DataPurpose
        labels={labels}
        what="als je inlogt, krijgt je browser een inlogcookie met een geheime code. Wij bewaren alleen een hash van die code en de datum waarop je sessie verloopt."
        why="zodat je ingelogd blijft en niet steeds opnieuw hoeft in te loggen."
        basis="nodig voor wat je vraagt."
      />

      <H3>Aanmelden voor een cursus</H3>
      <DataPurpose
        labels={labels}
        what="je naam, e-mailadres en gemeente. Als je wilt ook je telefoonnummer. Verder je antwoorden op vragen van de organisatie en wat je nodig hebt om goed mee te doen, bijvoorbeeld een plek voor een rolstoel of een tolk. Voor een cursus heb je geen account nodig."
        why="om je aan te melden, je een bevestiging en herinneringen te sturen, de cursus goed te regelen en na afloop te vragen hoe het ging. We tellen ook hoeveel mensen meedoen, voor het verslag aan de subsidiegever. Dat zijn alleen totalen, zonder namen."
        basis="nodig voor wat je vraagt. Je telefoonnummer en wat je nodig hebt om mee te doen, geef je alleen als je wilt. Daarvoor is de grondslag je toestemming."
      />
      <P>
        Tip: schrijf op <em>wat</em> je nodig hebt, niet <em>waarom</em>. Dan hoef je niets over je gezondheid te vertellen.
      </P>

      <H3>Een mentor aanvragen</H3>
      <DataPurpose
        labels={labels}
        what={
          <>
            je gemeente, je thema&apos;s en doelen, je partij of &apos;nog geen partij&apos;, hoe en in welke taal je wilt afspreken, je
            wensen voor een mentor (bijvoorbeeld een mentor van hetzelfde geslacht) en wat je nodig hebt om goed mee te doen. Als je wilt
            ook of je jezelf rekent tot een doelgroep: vrouwen, mensen met een beperking of praktisch opgeleide mensen. Krijg je een mentor?
            Dan bewaren we ook die koppeling en de gesprekken die jullie vastleggen.
          </>
        }
        why="om een mentor te vinden die bij je past, om te volgen hoe het gaat en om te tellen hoeveel mensen uit elke doelgroep meedoen."
        basis={
          <>
            nodig voor wat je vraagt. Voor de doelgroep is de grondslag je toestemming. Voor een beperking en voor je partij vragen we
            uitdrukkelijke toestemming. Lees daarover meer bij <A href={`#${SPECIAL_SECTION_ID}`}>bijzondere persoonsgegevens</A>.
          </>
        }
      />

      <H3>Mentorprofielen</H3>
      <DataPurpose
        labels={labels}
        what="als je mentor bent: je functie (bijvoorbeeld raadslid, wethouder of burgemeester), je gemeente, je partij als je die invult, je thema's en talen, hoe je wilt afspreken, hoeveel mentees je tegelijk wilt helpen, wanneer je tijd hebt, een korte tekst over jezelf en of je even pauzeert."
        why="om je mentees voor te stellen die bij je passen, en zodat een mentee weet wie je bent."
        basis="nodig voor wat je vraagt: je hebt de uitnodiging om mentor te worden aangenomen."
      />

      <H3>E-mails die we sturen</H3>
      <DataPurpose
        labels={labels}
        what="een logboek van elke e-mail die we sturen: wat voor e-mail het is (het sjabloon), aan wie, het onderwerp, wanneer en of het versturen is gelukt. Na 30 dagen halen we je e-mailadres en het onderwerp weg. We bewaren dan alleen nog een onleesbare code van je adres, wat voor e-mail het was, wanneer en of het is gelukt. Na 1 jaar verwijderen we alles."
        why="om te zien of een e-mail is aangekomen, om te voorkomen dat je dezelfde e-mail twee keer krijgt en om je te helpen als je een e-mail mist."
        basis="nodig voor wat je vraagt."
      />
      <P>
        Sommige e-mails zijn niet strikt nodig, zoals de e-mail na een cursus met tips voor een volgende stap. Die kun je uitzetten in je{' '}
        <A href={ACCOUNT_EMAIL_PATH}>e-mailinstellingen</A> of met de afmeldlink onder in de e-mail.
      </P>

      <H3>Beveiliging</H3>
      <DataPurpose
        labels={labels}
        what="per IP-adres een teller van hoe vaak er is geprobeerd in te loggen of een formulier te versturen. We bewaren dit maximaal een uur."
        why="om te voorkomen dat iemand wachtwoorden raadt of de website overspoelt met spam."
        basis="gerechtvaardigd belang: een veilige website voor iedereen."
      />

      <H2 id={SPECIAL_SECTION_ID}>Bijzondere persoonsgegevens</H2>
      <P>Sommige gegevens zijn extra gevoelig. De AVG noemt dat bijzondere persoonsgegevens. Daar gaan we extra voorzichtig mee om.</P>

      <H3>Een beperking</H3>
      <P>Of je een beperking hebt, zegt iets over je gezondheid. Daarom gelden deze regels:</P>
      <UL>
        <LI>
          We bewaren het alleen als je daar apart en uitdrukkelijk toestemming voor geeft, alleen voor dit doel. Het is niet verplicht.
        </LI>
        <LI>We gebruiken het alleen om je te helpen bij een netwerk dat bij je past, en om te tellen.</LI>
        <LI>Mentoren zien het nooit.</LI>
        <LI>Je kunt je toestemming op elk moment intrekken. Dan wissen we het gegeven meteen.</LI>
        <LI>
          In verslagen staan alleen totalen. Is een groep kleiner dan 5 mensen? Dan staat er &apos;&lt;5&apos;, zodat niemand te herkennen
          is.
        </LI>
      </UL>

      <H3>Je politieke partij</H3>
      <P>
        Je partij zegt iets over je politieke mening. Ook dat is een bijzonder persoonsgegeven. Je hoeft geen partij in te vullen: je kunt
        ook &apos;nog geen partij&apos; kiezen. Vul je wel een partij in, dan gebruiken we die alleen om een passende mentor te zoeken. De
        grondslag is je uitdrukkelijke toestemming. Je kunt je partij altijd weer weghalen. Als mentor kies je zelf of je je partij laat
        zien.
      </P>

      <H2>Hoe lang bewaren we je gegevens?</H2>
      <RetentionTable
        caption="Hoe lang we gegevens bewaren"
        head={['Gegevens', 'Hoe lang']}
        rows={[
          [
            'Account, aanmeldingen, aanvragen, mentorprofiel en koppelingen',
            'Tot je je account verwijdert. Of tot je 2 jaar niet actief bent geweest (zie hieronder).',
          ],
          [
            'Aanmeldingen voor een cursus zonder account',
            'Tot 2 jaar na je laatste cursusbijeenkomst. Daarna maken we ze anoniem (zie hieronder).',
          ],
          ['Gegevens over een beperking', 'Tot je je toestemming intrekt. Dan wissen we ze meteen.'],
          ['Sessies (ingelogd blijven)', 'Een sessie verloopt na 30 dagen zonder gebruik.'],
          ['Links om in te loggen of je wachtwoord te herstellen', 'Ze werken 15 tot 60 minuten, en maar één keer.'],
          ['Logboek van e-mails', 'Aan wie en het onderwerp: 30 dagen. Daarna alleen een onleesbare code van je adres, tot 1 jaar.'],
          ['Tellers voor beveiliging (per IP-adres)', 'Maximaal 1 uur.'],
        ]}
      />
      <P>
        Ben je 2 jaar niet actief geweest? Dat wil zeggen: 2 jaar na je laatste cursusbijeenkomst, het einde van je laatste mentorkoppeling
        en je laatste keer inloggen. Dan sturen we je eerst een e-mail als waarschuwing. Log je binnen 30 dagen daarna in, dan blijft je
        account bestaan. Doe je niets, dan verwijderen we je account en je gegevens na die 30 dagen. Dat doet een programma dat elke nacht
        draait.
      </P>
      <P>
        Heb je je zonder account voor een cursus aangemeld? Dan maken we je aanmeldingen anoniem 2 jaar na je laatste cursusbijeenkomst. Heb
        je je daarna nog aangemeld of afgemeld, dan 2 jaar na dat moment. Is er nog een cursus waarvoor je je hebt aangemeld? Dan wachten we
        tot die voorbij is. We sturen je vooraf geen e-mail: zonder account kun je niet inloggen om je gegevens te houden. We wissen dan je
        naam, e-mailadres, telefoonnummer, je antwoorden en wat je nodig had om mee te doen. Ook de e-mails die we je stuurden en je
        e-mailinstellingen verwijderen we. Heb je een uitnodiging gekregen om mentor of coördinator te worden? Dan wachten we tot die
        uitnodiging is verlopen.
      </P>
      <P>
        Als we gegevens verwijderen, houden we alleen anonieme aantallen over. Bijvoorbeeld hoeveel mensen een cursus hebben gevolgd. Die
        aantallen zijn niet naar jou terug te leiden.
      </P>

      <H2>Wie krijgt je gegevens?</H2>
      <UL>
        <LI>
          De coördinatoren van de organisatie die de cursus of het netwerk organiseert waar je aan meedoet. Zij zien alleen de gegevens van
          hun eigen cursussen en netwerken.
        </LI>
        <LI>
          De mentor die we je voorstellen. Die ziet wat nodig is voor een goede koppeling, zoals je gemeente, thema&apos;s en doelen. Nooit
          gegevens over een beperking. Zegt de mentor ja? Dan krijgen jullie allebei een e-mail om kennis te maken.
        </LI>
        <LI>
          De e-maildienst die onze e-mails verstuurt. Dat is een verwerker: een bedrijf dat je gegevens alleen in onze opdracht gebruikt.
          Daar hebben we afspraken over gemaakt in een verwerkersovereenkomst.
        </LI>
        <LI>De subsidiegever krijgt alleen totalen, zonder namen. Groepen kleiner dan 5 mensen staan er als &apos;&lt;5&apos;.</LI>
      </UL>
      <P>We verkopen je gegevens nooit. We gebruiken geen advertenties en geen trackers. We volgen niet wat je op internet doet.</P>

      <H2>Cookies</H2>
      <P>We gebruiken maar twee cookies. Allebei zijn ze nodig om de website te laten werken:</P>
      <UL>
        <LI>een inlogcookie, zodat je ingelogd blijft. Die krijg je alleen als je inlogt;</LI>
        <LI>een taalcookie, zodat de website onthoudt of je Nederlands of Engels wilt.</LI>
      </UL>
      <P>
        We gebruiken geen cookies voor statistieken, reclame of tracking. Voor cookies die nodig zijn om de website te laten werken, hoeven
        we geen toestemming te vragen. Daarom zie je bij ons geen cookiemelding.
      </P>

      <H2>Waar staan je gegevens?</H2>
      <P>
        Je gegevens staan op servers in de Europese Unie. De verbinding met de website is versleuteld. Alleen mensen die de gegevens voor
        hun taak nodig hebben, kunnen erbij.
      </P>

      <H2>Je rechten</H2>
      <P>Je hebt deze rechten:</P>
      <UL>
        <LI>
          <strong>Inzage.</strong> Je mag weten welke gegevens we van je hebben.
        </LI>
        <LI>
          <strong>Gegevens meenemen.</strong> Je kunt al je gegevens downloaden als JSON-bestand op{' '}
          <A href={ACCOUNT_PRIVACY_PATH}>de privacypagina van je account</A>.
        </LI>
        <LI>
          <strong>Correctie.</strong> Klopt er iets niet? Pas het aan in je account of vraag het ons.
        </LI>
        <LI>
          <strong>Verwijdering.</strong> Je kunt je account zelf verwijderen op de privacypagina van je account. We verwijderen of
          anonimiseren dan je gegevens overal.
        </LI>
        <LI>
          <strong>Bezwaar.</strong> Je kunt bezwaar maken als we gegevens gebruiken op grond van gerechtvaardigd belang.
        </LI>
        <LI>
          <strong>Toestemming intrekken.</strong> Dat kan altijd. Het is net zo makkelijk als toestemming geven.
        </LI>
        <LI>
          <strong>E-mail kiezen.</strong> Herinneringen, berichten na een cursus, vragen over verkiezingen en nieuws kun je elk uitzetten op{' '}
          <A href="/account/e-mail">je e-mail instellingen</A>, of met de afmeldlink onder zo'n e-mail. Berichten over je account en
          aanmeldingen krijg je altijd.
        </LI>
        <LI>
          <strong>Klacht.</strong> Ben je het niet eens met hoe wij met je gegevens omgaan? Dan kun je een klacht indienen bij de{' '}
          <A href="https://www.autoriteitpersoonsgegevens.nl">Autoriteit Persoonsgegevens</A>.
        </LI>
      </UL>
      <P>
        Heb je geen account, omdat je je alleen voor een cursus hebt aangemeld? Of lukt iets niet? Mail dan naar{' '}
        <MailLink address={PRIVACY_EMAIL} />. Je krijgt binnen een maand antwoord. Een aanmelding voor een cursus kun je altijd annuleren
        met de link in je bevestigingsmail.
      </P>

      <H2>Wijzigingen</H2>
      <P>
        Als we deze verklaring veranderen, zie je dat aan het versienummer en de datum. Dit is versie {privacyVersion}, laatst gewijzigd op{' '}
        <time dateTime={privacyLastChanged}>7 december 2026</time>.
      </P>
    </>
  );
}

function PrivacyEn() {
  const labels = { what: 'What we store:', why: 'Why:', basis: 'Legal basis:' };
  return (
    <>
      <P>
        This statement explains which personal data Politiek Actief stores, why we do that and what rights you have. We follow the General
        Data Protection Regulation (GDPR, in Dutch: AVG). That is the European law on privacy.
      </P>
      <P>
        Version {privacyVersion}, last changed on <time dateTime={privacyLastChanged}>7 December 2026</time>.
      </P>

      <H2>In short</H2>
      <UL>
        <LI>We only ask for data we really need.</LI>
        <LI>We never sell your data. We do not track you and we show no advertising.</LI>
        <LI>We only store data about a disability if you give separate consent for it. Mentors never see that data.</LI>
        <LI>You can download all your data and delete your account yourself.</LI>
      </UL>

      <H2>Who is responsible?</H2>
      <P>
        Politiek Actief is open-source software. Different organisations can use it. The organisation that runs this website is responsible
        for your data. The GDPR calls this the controller.
      </P>
      <P>
        Do you have a question about privacy? Email <MailLink address={PRIVACY_EMAIL} />.
      </P>

      <H2>What data do we store and why?</H2>
      <P>
        Below you can read, for each kind of data, what we store and what we use it for. You can also read why we are allowed to. The GDPR
        calls this the legal basis. We use these three legal bases:
      </P>
      <UL>
        <LI>
          <strong>Consent.</strong> You gave us permission yourself. You can always withdraw it.
        </LI>
        <LI>
          <strong>Needed for what you asked.</strong> We need the data to do what you asked us, for example to sign you up for a course. The
          GDPR calls this performance of a contract.
        </LI>
        <LI>
          <strong>Legitimate interest.</strong> We need the data to keep the website safe.
        </LI>
      </UL>

      <H3>Your account</H3>
      <DataPurpose
        labels={labels}
        what={
          <>
            your email address, your name and your password. We only store your password as a hash. That is an unreadable code: not even we
            can get your password back from it. Do you log in with a link by email? Then we have no password of yours. We also store what
            you consented to, which version of the text that was and when.
          </>
        }
        why="so you can log in and see your registrations, applications and matches."
        basis="needed for what you asked."
      />

      <H3>Staying logged in (sessions)</H3>
      <DataPurpose
        labels={labels}
        what="when you log in, your browser gets a login cookie with a secret code. We only store a hash of that code and the date your session expires."
        why="so you stay logged in and do not have to log in again all the time."
        basis="needed for what you asked."
      />

      <H3>Signing up for a course</H3>
      <DataPurpose
        labels={labels}
        what="your name, email address and municipality. Your phone number, if you want. Also your answers to questions from the organisation and what you need to take part well, for example a space for a wheelchair or an interpreter. You do not need an account for a course."
        why="to sign you up, send you a confirmation and reminders, organise the course well and ask you afterwards how it went. We also count how many people take part, for the report to the funder. Those are only totals, without names."
        basis="needed for what you asked. Your phone number and what you need to take part are up to you. For those, the legal basis is your consent."
      />
      <P>
        Tip: write down <em>what</em> you need, not <em>why</em>. Then you do not have to tell us anything about your health.
      </P>

      <H3>Applying for a mentor</H3>
      <DataPurpose
        labels={labels}
        what={
          <>
            your municipality, your themes and goals, your party or &apos;no party yet&apos;, how and in which language you want to meet,
            your wishes for a mentor (for example a mentor of the same gender) and what you need to take part well. If you want, also
            whether you count yourself as part of a target group: women, people with a disability or practically educated people. Do you get
            a mentor? Then we also store that match and the meetings you both record.
          </>
        }
        why="to find a mentor who suits you, to follow how it goes and to count how many people from each target group take part."
        basis={
          <>
            needed for what you asked. For the target group, the legal basis is your consent. For a disability and for your party, we ask
            for explicit consent. Read more about this under <A href={`#${SPECIAL_SECTION_ID}`}>special categories of personal data</A>.
          </>
        }
      />

      <H3>Mentor profiles</H3>
      <DataPurpose
        labels={labels}
        what="if you are a mentor: your office (for example council member, alderman or mayor), your municipality, your party if you fill it in, your themes and languages, how you want to meet, how many mentees you want to help at the same time, when you have time, a short text about yourself and whether you are taking a break."
        why="to propose mentees who suit you, and so a mentee knows who you are."
        basis="needed for what you asked: you accepted the invitation to become a mentor."
      />

      <H3>Emails we send</H3>
      <DataPurpose
        labels={labels}
        what="a log of every email we send: what kind of email it is (the template), to whom, the subject, when and whether sending worked. After 30 days we remove your email address and the subject. We then only keep an unreadable code of your address, what kind of email it was, when and whether it worked. After 1 year we delete everything."
        why="to see whether an email arrived, to make sure you do not get the same email twice and to help you if you miss an email."
        basis="needed for what you asked."
      />
      <P>
        Some emails are not strictly needed, such as the email after a course with tips for a next step. You can turn those off in your{' '}
        <A href={ACCOUNT_EMAIL_PATH}>email settings</A> or with the unsubscribe link at the bottom of the email.
      </P>

      <H3>Security</H3>
      <DataPurpose
        labels={labels}
        what="per IP address, a counter of how often someone tried to log in or send a form. We keep this for one hour at most."
        why="to stop people from guessing passwords or flooding the website with spam."
        basis="legitimate interest: a safe website for everyone."
      />

      <H2 id={SPECIAL_SECTION_ID}>Special categories of personal data</H2>
      <P>Some data is extra sensitive. The GDPR calls this special categories of personal data. We handle it with extra care.</P>

      <H3>A disability</H3>
      <P>Whether you have a disability says something about your health. So these rules apply:</P>
      <UL>
        <LI>We only store it if you give separate, explicit consent for it, for this purpose only. It is not required.</LI>
        <LI>We only use it to help you into a network that suits you, and for counting.</LI>
        <LI>Mentors never see it.</LI>
        <LI>You can withdraw your consent at any time. We then erase the data at once.</LI>
        <LI>Reports only show totals. Is a group smaller than 5 people? Then it says &apos;&lt;5&apos;, so nobody can be recognised.</LI>
      </UL>

      <H3>Your political party</H3>
      <P>
        Your party says something about your political opinion. That is also special category data. You do not have to fill in a party: you
        can also choose &apos;no party yet&apos;. If you do fill in a party, we only use it to find a suitable mentor. The legal basis is
        your explicit consent. You can always remove your party again. As a mentor, you decide yourself whether you show your party.
      </P>

      <H2>How long do we keep your data?</H2>
      <RetentionTable
        caption="How long we keep data"
        head={['Data', 'How long']}
        rows={[
          [
            'Account, registrations, applications, mentor profile and matches',
            'Until you delete your account. Or until you have been inactive for 2 years (see below).',
          ],
          [
            'Course registrations without an account',
            'Until 2 years after your last course session. Then we make them anonymous (see below).',
          ],
          ['Data about a disability', 'Until you withdraw your consent. We then erase it at once.'],
          ['Sessions (staying logged in)', 'A session expires after 30 days without use.'],
          ['Links to log in or to reset your password', 'They work for 15 to 60 minutes, and only once.'],
          ['Email log', 'To whom and the subject: 30 days. After that only an unreadable code of your address, until 1 year.'],
          ['Security counters (per IP address)', '1 hour at most.'],
        ]}
      />
      <P>
        Have you been inactive for 2 years? That means: 2 years after your last course session, the end of your last mentor match and your
        last login. Then we first send you a warning email. If you log in within 30 days after that, your account stays. If you do nothing,
        we delete your account and your data after those 30 days. A program that runs every night does this.
      </P>
      <P>
        Did you sign up for a course without an account? Then we make your registrations anonymous 2 years after your last course session.
        If you signed up or cancelled after that, 2 years after that moment. Is there still a course ahead that you signed up for? Then we
        wait until it is over. We do not send you an email first: without an account you cannot log in to keep your data. We then erase your
        name, email address, phone number, your answers and what you needed to take part. We also delete the emails we sent you and your
        email settings. Did you get an invitation to become a mentor or coordinator? Then we wait until that invitation has expired.
      </P>
      <P>
        When we delete data, we only keep anonymous numbers. For example, how many people took a course. Those numbers cannot be traced back
        to you.
      </P>

      <H2>Who receives your data?</H2>
      <UL>
        <LI>
          The coordinators of the organisation that runs the course or network you join. They only see the data of their own courses and
          networks.
        </LI>
        <LI>
          The mentor we propose to you. They see what is needed for a good match, such as your municipality, themes and goals. Never data
          about a disability. Does the mentor say yes? Then you both get an email to get to know each other.
        </LI>
        <LI>
          The email service that sends our emails. This is a processor: a company that only uses your data on our instructions. We have made
          agreements about this in a data processing agreement.
        </LI>
        <LI>The funder only receives totals, without names. Groups smaller than 5 people are shown as &apos;&lt;5&apos;.</LI>
      </UL>
      <P>We never sell your data. We use no advertising and no trackers. We do not follow what you do on the internet.</P>

      <H2>Cookies</H2>
      <P>We only use two cookies. Both are needed to make the website work:</P>
      <UL>
        <LI>a login cookie, so you stay logged in. You only get it when you log in;</LI>
        <LI>a language cookie, so the website remembers whether you want Dutch or English.</LI>
      </UL>
      <P>
        We use no cookies for statistics, advertising or tracking. We do not need to ask consent for cookies that are needed to make the
        website work. That is why you see no cookie banner here.
      </P>

      <H2>Where is your data stored?</H2>
      <P>
        Your data is stored on servers in the European Union. The connection to the website is encrypted. Only people who need the data for
        their work can access it.
      </P>

      <H2>Your rights</H2>
      <P>You have these rights:</P>
      <UL>
        <LI>
          <strong>Access.</strong> You may know which data we have about you.
        </LI>
        <LI>
          <strong>Taking your data with you.</strong> You can download all your data as a JSON file on{' '}
          <A href={ACCOUNT_PRIVACY_PATH}>the privacy page of your account</A>.
        </LI>
        <LI>
          <strong>Correction.</strong> Is something wrong? Change it in your account or ask us.
        </LI>
        <LI>
          <strong>Deletion.</strong> You can delete your account yourself on the privacy page of your account. We then delete or anonymise
          your data everywhere.
        </LI>
        <LI>
          <strong>Objection.</strong> You can object when we use data based on legitimate interest.
        </LI>
        <LI>
          <strong>Withdrawing consent.</strong> You can always do this. It is just as easy as giving consent.
        </LI>
        <LI>
          <strong>Choosing your email.</strong> Reminders, messages after a course, questions about elections and news can each be switched
          off in <A href="/account/e-mail">your email settings</A>, or with the unsubscribe link below such an email. Messages about your
          account and sign-ups always come.
        </LI>
        <LI>
          <strong>Complaint.</strong> Do you disagree with how we handle your data? Then you can file a complaint with the{' '}
          <A href="https://www.autoriteitpersoonsgegevens.nl/en">Autoriteit Persoonsgegevens (Dutch Data Protection Authority)</A>.
        </LI>
      </UL>
      <P>
        Do you have no account, because you only signed up for a course? Or does something not work? Then email{' '}
        <MailLink address={PRIVACY_EMAIL} />. You will get an answer within one month. You can always cancel a course registration with the
        link in your confirmation email.
      </P>

      <H2>Changes</H2>
      <P>
        When we change this statement, you can see that from the version number and the date. This is version {privacyVersion}, last changed
        on <time dateTime={privacyLastChanged}>7 December 2026</time>.
      </P>
    </>
  );
}

export function PrivacyStatement({ locale }: { locale: Locale }) {
  return locale === 'en' ? <PrivacyEn /> : <PrivacyNl />;
}

import { H2, LI, MailLink, P, UL } from './prose';

type Locale = 'nl' | 'en';

export const accessibilityTitle = {
  nl: 'Toegankelijkheidsverklaring',
  en: 'Accessibility statement',
} as const;
/** ISO date on which this statement was drawn up (shown as 28 November 2026). */
const accessibilityDate = '2026-11-28';

const ACCESSIBILITY_EMAIL = 'toegankelijkheid@politiekactief.example';

function AccessibilityNl() {
  return (
    <>
      <P>
        We willen dat iedereen Politiek Actief kan gebruiken. Ook als je slecht ziet, geen muis gebruikt, met een schermlezer werkt of
        moeite hebt met lezen. In deze verklaring lees je hoe ver we daarmee zijn.
      </P>

      <H2>Ons doel</H2>
      <P>
        Websites van de Nederlandse overheid moeten voldoen aan WCAG 2.1 op niveau AA. Dat staat in het Besluit digitale toegankelijkheid
        overheid. WCAG is een internationale lijst met eisen voor toegankelijke websites. Wij houden ons aan dezelfde eisen.
      </P>

      <H2>Hoe we dit controleren</H2>
      <UL>
        <LI>
          <strong>Automatische tests.</strong> In onze tests controleren we elke pagina met axe. Dat is een bekend programma dat fouten in
          toegankelijkheid opspoort.
        </LI>
        <LI>
          <strong>Alleen met het toetsenbord.</strong> We testen of je alles kunt doen zonder muis.
        </LI>
        <LI>
          <strong>Zonder JavaScript.</strong> Formulieren werken ook als JavaScript uit staat of niet laadt.
        </LI>
        <LI>
          <strong>Duidelijke taal.</strong> We schrijven in eenvoudig Nederlands, op taalniveau B1. Alle teksten zijn er ook in het Engels.
        </LI>
      </UL>

      <H2>Wat je kunt verwachten</H2>
      <UL>
        <LI>Bovenaan elke pagina staat een link waarmee je het menu overslaat en direct naar de inhoud gaat.</LI>
        <LI>Je kunt alles bedienen met het toetsenbord.</LI>
        <LI>Je ziet altijd duidelijk waar je bent: de focus is goed zichtbaar.</LI>
        <LI>Je kunt inzoomen tot 400%, zonder dat tekst of knoppen wegvallen.</LI>
        <LI>
          Formulieren werken goed met een schermlezer. Elk veld heeft een duidelijke naam. Gaat er iets mis? Dan staat de foutmelding bij
          het veld waar het om gaat.
        </LI>
        <LI>Bij elke grafiek staat ook een tabel met dezelfde cijfers.</LI>
      </UL>

      <H2>Wat nog niet goed is</H2>
      <P>
        Politiek Actief is een nieuw platform. We hebben het zelf getest, maar nog niet laten onderzoeken door een onafhankelijke
        deskundige. Deze verklaring is dus onze eigen beoordeling. Het is nog geen officiële keuring.
      </P>
      <P>
        Automatische tests vinden maar een deel van de problemen. Er kunnen dus nog fouten in de website zitten die wij niet hebben gezien.
      </P>
      <P>
        Teksten over cursussen, zoals de beschrijving en de informatie over de locatie, schrijven de organisaties zelf. Die teksten kunnen
        wij niet allemaal controleren.
      </P>
      <P>Komt er een onafhankelijk onderzoek? Dan passen we deze verklaring aan.</P>

      <H2>Een probleem melden</H2>
      <P>
        Kun je iets niet gebruiken of niet lezen? Of zie je een fout? Laat het ons weten. Mail naar{' '}
        <MailLink address={ACCESSIBILITY_EMAIL} />. Schrijf erbij op welke pagina het was en wat er misging. Je krijgt binnen 5 werkdagen
        antwoord.
      </P>
      <P>Heb je de informatie of dienst nu nodig? Zet dat in je mail. Dan zoeken we samen een andere manier om je te helpen.</P>

      <H2>Over deze verklaring</H2>
      <P>
        Deze verklaring is gemaakt op <time dateTime={accessibilityDate}>28 november 2026</time>. We passen haar aan als er iets verandert.
      </P>
    </>
  );
}

function AccessibilityEn() {
  return (
    <>
      <P>
        We want everyone to be able to use Politiek Actief. Also if you do not see well, do not use a mouse, use a screen reader or find
        reading hard. This statement tells you how far we have come.
      </P>

      <H2>Our aim</H2>
      <P>
        Websites of the Dutch government must meet WCAG 2.1 at level AA. That is required by the Besluit digitale toegankelijkheid overheid
        (the Dutch decree on digital accessibility for government). WCAG is an international list of requirements for accessible websites.
        We follow the same requirements.
      </P>

      <H2>How we check this</H2>
      <UL>
        <LI>
          <strong>Automatic tests.</strong> In our tests we check every page with axe. That is a well-known program that finds accessibility
          errors.
        </LI>
        <LI>
          <strong>Keyboard only.</strong> We test whether you can do everything without a mouse.
        </LI>
        <LI>
          <strong>Without JavaScript.</strong> Forms also work when JavaScript is turned off or does not load.
        </LI>
        <LI>
          <strong>Clear language.</strong> We write in plain Dutch, at language level B1. All texts are also available in English.
        </LI>
      </UL>

      <H2>What you can expect</H2>
      <UL>
        <LI>At the top of every page there is a link that skips the menu and takes you straight to the content.</LI>
        <LI>You can use everything with the keyboard.</LI>
        <LI>You can always see clearly where you are: the focus is easy to see.</LI>
        <LI>You can zoom in to 400% without losing any text or buttons.</LI>
        <LI>
          Forms work well with a screen reader. Every field has a clear name. Does something go wrong? Then the error message is shown next
          to the field it is about.
        </LI>
        <LI>Every chart also has a table with the same numbers.</LI>
      </UL>

      <H2>What is not right yet</H2>
      <P>
        Politiek Actief is a new platform. We have tested it ourselves, but it has not yet been checked by an independent expert. So this
        statement is our own assessment. It is not an official audit yet.
      </P>
      <P>Automatic tests only find some of the problems. So there may still be errors in the website that we have not seen.</P>
      <P>
        Texts about courses, such as the description and the information about the location, are written by the organisations themselves. We
        cannot check all of those texts.
      </P>
      <P>When an independent audit is done, we will update this statement.</P>

      <H2>Report a problem</H2>
      <P>
        Is there something you cannot use or read? Or do you see an error? Let us know. Email <MailLink address={ACCESSIBILITY_EMAIL} />.
        Tell us which page it was on and what went wrong. You will get an answer within 5 working days.
      </P>
      <P>Do you need the information or service right now? Say so in your email. Then we will find another way to help you together.</P>

      <H2>About this statement</H2>
      <P>
        This statement was drawn up on <time dateTime={accessibilityDate}>28 November 2026</time>. We will update it when something changes.
      </P>
    </>
  );
}

export function AccessibilityStatement({ locale }: { locale: Locale }) {
  return locale === 'en' ? <AccessibilityEn /> : <AccessibilityNl />;
}

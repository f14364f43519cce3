type Locale = 'nl' | 'en';

const BUTTON_LINK = 'utrecht-button-link utrecht-button-link--html-a';
const PRIMARY = `${BUTTON_LINK} utrecht-button-link--primary-action`;
const SECONDARY = `${BUTTON_LINK} utrecht-button-link--secondary-action`;

type HomeText = {
  intro: [string, string];
  course: { title: string; body: string; link: string };
  mentor: { title: string; body: string; link: string };
  coordinators: { title: string; body: string; link: string };
};

const text: Record<Locale, HomeText> = {
  nl: {
    intro: [
      'De gemeenteraad beslist over dingen die je elke dag merkt: je straat, het zwembad, de bibliotheek, hulp bij zorg, wonen en werk. Raadsleden praten met inwoners, kiezen wat belangrijk is en controleren de burgemeester en wethouders.',
      'Geef jij om je buurt of je dorp? Dan kun jij ook politiek actief worden. Je hoeft geen expert te zijn en je hoeft nog niet bij een partij te zitten. Kies hieronder hoe je wilt beginnen.',
    ],
    course: {
      title: 'Volg een cursus Politiek Actief',
      body: 'Een korte cursus van een paar avonden, bij jou in de buurt of online. Je leert hoe de gemeente werkt en hoe je zelf invloed hebt. De cursus is gratis of goedkoop. Aanmelden duurt een minuut en je hebt geen account nodig.',
      link: 'Bekijk de cursussen',
    },
    mentor: {
      title: 'Vind een mentor',
      body: 'Voor vrouwen, mensen met een beperking en praktisch opgeleide mensen. Een ervaren raadslid, wethouder of burgemeester helpt je een paar maanden op weg. Je mentor deelt ervaringen en beantwoordt je vragen.',
      link: 'Lees meer over een mentor',
    },
    coordinators: {
      title: 'Voor verenigingen en coördinatoren',
      body: 'Organiseer je cursussen of een mentornetwerk? Regel hier je aanmeldingen, deelnemers, mentoren en koppelingen op één plek.',
      link: 'Inloggen voor coördinatoren',
    },
  },
  en: {
    intro: [
      'The municipal council (gemeenteraad) decides on things you notice every day: your street, the swimming pool, the library, help with care, housing and work. Council members talk with residents, choose what matters most and keep a check on the mayor and aldermen.',
      'Do you care about your neighbourhood or village? Then you can become politically active too. You do not need to be an expert and you do not need to be in a party yet. Choose below how you want to start.',
    ],
    course: {
      title: 'Take a Politiek Actief course',
      body: 'A short course of a few evenings, near you or online. You learn how the municipality works and how you can make a difference yourself. The course is free or cheap. Signing up takes a minute and you do not need an account.',
      link: 'See the courses',
    },
    mentor: {
      title: 'Find a mentor',
      body: 'For women, people with a disability and practically educated people. An experienced council member, alderman or mayor helps you on your way for a few months. Your mentor shares experience and answers your questions.',
      link: 'Read more about getting a mentor',
    },
    coordinators: {
      title: 'For associations and coordinators',
      body: 'Do you run courses or a mentor network? Manage your registrations, participants, mentors and matches here, all in one place.',
      link: 'Log in as a coordinator',
    },
  },
};

export function HomeIntro({ locale }: { locale: Locale }) {
  const t = text[locale] ?? text.nl;
  return (
    <>
      {t.intro.map((paragraph) => (
        <p className="utrecht-paragraph" key={paragraph}>
          {paragraph}
        </p>
      ))}

      <div className="pa-cards">
        <section className="pa-card">
          <h2 className="utrecht-heading-2">{t.course.title}</h2>
          <p className="utrecht-paragraph">{t.course.body}</p>
          <a className={PRIMARY} href="/cursussen">
            {t.course.link}
          </a>
        </section>
        <section className="pa-card">
          <h2 className="utrecht-heading-2">{t.mentor.title}</h2>
          <p className="utrecht-paragraph">{t.mentor.body}</p>
          <a className={PRIMARY} href="/mentoraat">
            {t.mentor.link}
          </a>
        </section>
      </div>

      <section>
        <h2 className="utrecht-heading-2">{t.coordinators.title}</h2>
        <p className="utrecht-paragraph">{t.coordinators.body}</p>
        <a className={SECONDARY} href="/inloggen">
          {t.coordinators.link}
        </a>
      </section>
    </>
  );
}

// Dutch: a course copied to run it again (/beheer/cursussen/:id/kopieren).
export const nl = {
  'title.copyCourse': 'Kopiëren: {course}',
  'copyCourse.action': 'Kopiëren',
  'copyCourse.actionHint':
    'Wil je deze cursus nog een keer geven? Kopieer hem: je kiest nieuwe data, de teksten, plaats en vragen gaan mee. Aanmeldingen gaan niet mee.',
  'copyCourse.heading': 'Cursus kopiëren',
  'copyCourse.intro':
    'De kopie wordt een concept met dezelfde teksten, plaats, aantal plaatsen, vragen en bijeenkomsten. Aanmeldingen, de wachtlijst en de aanwezigheid gaan niet mee.',
  'copyCourse.title': 'Naam van de kopie',
  'copyCourse.firstDate': 'Datum van de eerste bijeenkomst',
  'copyCourse.firstDateHint':
    'De eerste bijeenkomst was op {date}. Alle bijeenkomsten schuiven even veel dagen op, op dezelfde tijden. Daarna kun je elke bijeenkomst nog apart verzetten.',
  'copyCourse.noSessions': 'Deze cursus heeft nog geen bijeenkomsten. Je voegt ze toe in de kopie.',
  'copyCourse.sessionsCaption': 'Bijeenkomsten van de cursus die je kopieert',
  'copyCourse.submit': 'Kopie maken',
  'copyCourse.cancel': 'Terug naar de cursus',
  'notice.course.copied':
    'Dit is de kopie, als concept. Kijk de gegevens na. Op de pagina Overzicht kun je de bijeenkomsten nakijken en de cursus publiceren.',
  'copyCourse.errors.dateRequired': 'Kies de datum van de eerste bijeenkomst',
  'copyCourse.errors.dateInvalid': 'Vul een bestaande datum in, bijvoorbeeld 2027-03-14',
  'copyCourse.errors.dateInPast': 'Kies een datum vanaf vandaag',
} as const;

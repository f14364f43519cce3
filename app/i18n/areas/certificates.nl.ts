// Nederlands: het bewijs van deelname aan een cursus, en de pagina die laat zien of een bewijs echt is.
export const nl = {
  'certificates.form.minimum': 'Bewijs van deelname vanaf',
  'certificates.form.minimumHint':
    'Zoveel bijeenkomsten moet iemand bijwonen om een bewijs van deelname te krijgen. Leeg: alle bijeenkomsten op één na (bij één bijeenkomst: die ene).',
  'certificates.download': 'Bewijs van deelname (PDF)',
  'certificates.downloadFor': 'Bewijs van deelname voor {course} downloaden (PDF)',
  'certificates.manage.heading': 'Bewijs van deelname',
  'certificates.manage.body': 'Je was bij genoeg bijeenkomsten. Je kunt je bewijs van deelname hier downloaden.',
  'certificates.verify.title': 'Bewijs van deelname controleren',
  'certificates.verify.valid': 'Dit bewijs van deelname is echt',
  'certificates.verify.validBody': 'Politiek Actief heeft dit bewijs uitgegeven. Dit staat erop:',
  'certificates.verify.withdrawn': 'Dit bewijs van deelname is ingetrokken',
  'certificates.verify.withdrawnBody':
    'Dit bewijs was echt, maar de organisatie heeft het op {date} ingetrokken. Het geldt niet meer als bewijs van deelname.',
  'certificates.verify.unknown': 'Dit bewijs van deelname kennen we niet',
  'certificates.verify.unknownBody':
    'Er is geen bewijs van deelname met deze code. Controleer of je de link of de code goed hebt overgenomen. Is de code goed? Dan is het bewijs niet door Politiek Actief uitgegeven.',
  'certificates.verify.tooMany': 'Je hebt te vaak een code gecontroleerd',
  'certificates.verify.holder': 'Voorletters',
  'certificates.verify.course': 'Cursus',
  'certificates.verify.dates': 'Datum',
  'certificates.verify.organisation': 'Organisatie',
  'certificates.verify.issued': 'Uitgegeven op',
  'certificates.verify.privacy': 'Om de privacy van de deelnemer te beschermen, laten we alleen de voorletters zien.',
} as const;

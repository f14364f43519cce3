// Mentoring pages (/mentoraat).
export const nl = {
  'mentoring.title': 'Mentoraat',
  'mentoring.lead': 'Een ervaren raadslid, wethouder of burgemeester helpt je een paar maanden op weg in de lokale politiek.',
  'mentoring.who':
    'De mentornetwerken zijn er vooral voor vrouwen, mensen met een beperking en praktisch opgeleide mensen: groepen die nu te weinig in de gemeenteraad zitten.',
  'mentoring.how':
    'Je vertelt wat je wilt leren en waar je woont. De coördinator van het netwerk zoekt een mentor die bij je past. Jullie spreken een paar keer af, op locatie of online.',
  'mentoring.courses': 'Bekijk intussen de cursussen',
  'mentoring.filter.heading': 'Netwerken bij jou in de buurt',
  'mentoring.filter.municipality': 'Je gemeente',
  'mentoring.filter.hint': 'Sommige netwerken zijn er alleen voor een provincie of een gemeente. Kies je gemeente om ook die te zien.',
  'mentoring.filter.choose': 'Kies je gemeente',
  'mentoring.filter.submit': 'Toon netwerken',
  'mentoring.list.heading': 'Netwerken waar je nu een mentor kunt aanvragen',
  'mentoring.list.for': 'Je gemeente: {municipality}.',
  'mentoring.list.nationalOnly': 'Je ziet nu alleen de landelijke netwerken. Kies je gemeente om ook netwerken in je regio te zien.',
  'mentoring.list.count': { one: '1 netwerk', other: '{count} netwerken' },
  'mentoring.list.none': 'Er is nu geen netwerk open voor aanvragen dat bij jou past. Kijk later nog eens, of volg eerst een cursus.',
  'mentoring.card.for': 'Voor wie',
  'mentoring.card.organisation': 'Organisatie',
  'mentoring.card.region': 'Regio',
  'mentoring.card.period': 'Periode',
  'mentoring.card.apply': 'Mentor aanvragen bij {network}',
  'mentoring.card.applied': 'Je hebt hier al een aanvraag. Bekijk je aanvraag',
  'mentoring.anonymous': 'Om een mentor aan te vragen log je in met je account. Heb je nog geen account? Dan maak je er eerst een.',
  'mentoring.myApplications': 'Mijn aanvragen bekijken',
} as const;

// Mentoring pages (/mentoraat).
export const nl = {
  'mentoring.title': 'Mentoraat',
  'mentoring.lead': 'Een ervaren raadslid, wethouder of burgemeester helpt je een paar maanden op weg in de lokale politiek.',
  'mentoring.who':
    'De mentornetwerken zijn er vooral voor vrouwen, mensen met een beperking en praktisch opgeleide mensen: groepen die nu te weinig in de gemeenteraad zitten.',
  'mentoring.how':
    'Je vertelt wat je wilt leren en waar je woont. De coördinator van het netwerk zoekt een mentor die bij je past. Jullie spreken een paar keer af, op locatie of online.',
  'mentoring.soon':
    'Aanvragen via deze website kan binnenkort. Heb je een cursus Politiek Actief gevolgd? Dan krijg je bericht zodra het kan.',
  'mentoring.courses': 'Bekijk intussen de cursussen',
} as const;

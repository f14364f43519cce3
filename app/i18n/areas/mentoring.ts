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

export const en: Record<keyof typeof nl, string> = {
  'mentoring.title': 'Mentoring',
  'mentoring.lead': 'An experienced council member, alderman or mayor helps you find your way in local politics for a few months.',
  'mentoring.who':
    'The mentor networks are mainly for women, people with a disability and practically educated people: groups that are under-represented on municipal councils today.',
  'mentoring.how':
    'You tell us what you want to learn and where you live. The network’s coordinator looks for a mentor who suits you. You meet a few times, in person or online.',
  'mentoring.soon':
    'Applying through this website will be possible soon. Did you take a Politiek Actief course? Then you will hear from us as soon as it is.',
  'mentoring.courses': 'Meanwhile, see the courses',
};

// Dutch: what every invitation's page says, whatever the invitation is for (ADR 022). What differs per
// kind (the title, what is asked) stays in the area of its kind.
export const nl = {
  'invitations.problem.invalid.title': 'Deze uitnodiging werkt niet',
  'invitations.problem.invalid.body':
    'De link is niet goed, of de uitnodiging is ingetrokken of opnieuw verstuurd. Vraag wie je uitnodigde om een nieuwe uitnodiging.',
  'invitations.problem.expired.title': 'Deze uitnodiging is verlopen',
  'invitations.problem.expired.body': 'Een uitnodiging werkt 14 dagen. Vraag wie je uitnodigde om de uitnodiging opnieuw te versturen.',
  'invitations.problem.used.title': 'Deze uitnodiging is al gebruikt',
  'invitations.problem.used.body': 'Een uitnodiging werkt maar één keer. Heb je hem zelf gebruikt? Log dan in.',
  'invitations.logout': 'Uitloggen',
  'invitations.login': 'Inloggen',
  'invitations.loginWith': 'Log in met {email} om de uitnodiging aan te nemen.',
  'invitations.register': 'Nog geen account met {email}? Maak er eerst een, en open daarna deze link opnieuw.',
  'invitations.registerLink': 'Account maken',
  'invitations.wrongPassword': 'Dit wachtwoord hoort niet bij dit account. Probeer het opnieuw.',
  'invitations.accountExists': 'Er is net een account gemaakt met dit e-mailadres. Laad de pagina opnieuw en log in.',
  'invitations.list.caption': 'Open uitnodigingen',
  'invitations.list.name': 'Naam',
  'invitations.list.email': 'E-mailadres',
  'invitations.list.link': 'Link',
  'invitations.list.expires': 'Werkt tot {date}',
  'invitations.list.expired': 'Verlopen op {date}',
  'invitations.list.actions': 'Acties',
  'invitations.list.resend': 'Opnieuw versturen',
  'invitations.list.revoke': 'Intrekken',
} as const;

// Dutch: password rules (ASVS 2.1) shared by the register, reset and change-password forms.
export const nl = {
  'security.passwordTooShort': 'Kies een wachtwoord van minstens 12 tekens.',
  'security.passwordTooLong': 'Kies een wachtwoord van hoogstens 128 tekens.',
  'security.passwordCommon': 'Dit wachtwoord wordt veel gebruikt en is makkelijk te raden. Kies een ander wachtwoord.',
} as const;

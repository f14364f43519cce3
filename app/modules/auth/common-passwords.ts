// Passwords that appear at the top of every breach list, and their Dutch counterparts (ASVS 2.1.7).
// Checked locally: no password, nor a hash of one, leaves the server. A password is refused when,
// lower-cased and with its digits, spaces and punctuation taken off, it is one of these words or a
// repeat of one, or when it has too few different characters to be guessed slowly.

const WORDS = `
password passwort wachtwoord wachtwoorden paswoord passw0rd admin administrator beheer beheerder root
welkom welcome hallo hello letmein iloveyou ikhouvanjou secret geheim geheimpje master login inloggen
qwerty qwertyuiop azerty asdfgh asdfghjkl zxcvbn zxcvbnm qazwsx abc abcdef abcdefg abcdefgh abcdefghij
monkey dragon football voetbal ajax feyenoord psv sunshine princess prinses shadow superman batman
trustno starwars whatever freedom baseball michael jennifer charlie thomas daniel jordan hunter
amsterdam rotterdam utrecht denhaag nederland holland oranje politiek politiekactief actief gemeente
gemeenteraad raadslid wethouder burgemeester kandidaat coordinator cursus mentor mentoraat
zomer winter lente herfst maandag vrijdag januari december computer internet samsung apple google
facebook liefde schatje schat lieverd familie kinderen mama papa test testen testtest changeme
default guest gast user gebruiker demo voorbeeld example
`
  .split(/\s+/)
  .filter(Boolean);

const COMMON = new Set(WORDS);

// Whole passwords (before normalising) that are only digits or keyboard runs.
const RUNS = ['0123456789', '9876543210', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'abcdefghijklmnopqrstuvwxyz'];

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

// Letters written as digits or symbols (P@ssw0rd), only between letters so that "Ajax2026" keeps its year.
function deLeet(text: string) {
  return text.replace(/(?<=\p{L})[@40!13$57](?=\p{L})/gu, (c) => LEET[c] ?? c).replace(/^[@$](?=\p{L})/u, (c) => LEET[c] ?? c);
}

/** True when the password is a well-known one (or a trivial variation of it). */
export function isCommonPassword(password: string) {
  const lower = password.toLowerCase();
  if (new Set(lower).size < 4) return true; // aaaaaaaaaaaa, abababababab
  if (!/[\p{L}]/u.test(lower)) return true; // only digits and symbols: 123456789012
  const compact = deLeet(lower).replace(/[\s\d\p{P}\p{S}]+/gu, '');
  if (compact.length === 0) return true;
  if (RUNS.some((run) => run.includes(compact) && compact.length >= 4)) return true;
  if (COMMON.has(compact)) return true;
  // A common word repeated or doubled ("welkomwelkom", "passwordpassword").
  for (let size = 2; size <= compact.length / 2; size++) {
    if (compact.length % size === 0 && compact.slice(0, size).repeat(compact.length / size) === compact) return true;
  }
  for (const word of COMMON) {
    if (word.length >= 3 && compact.startsWith(word) && COMMON.has(compact.slice(word.length))) return true;
  }
  return false;
}

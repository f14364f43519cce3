/**
 * Sentences written to the mentee about their mentor ("Je mentor is raadslid: dat past bij je
 * doel …", "Je hebt nog geen partij …"). A mentor must never read them: tests of everything a
 * mentor reads check against this.
 */
export const menteeWording = /\bje mentor\b|\bje doel\b|\bje hebt nog geen partij\b|\byour mentor\b|\byour goal\b|\byou have no party\b/i;

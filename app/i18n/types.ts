// The shapes of our messages. A message is plain text with {name} placeholders, or, when it carries a
// count, one text per plural category of Intl.PluralRules ('one' and 'other' are all Dutch and English
// use). Counted messages are objects so they are plain data: they ship to the browser in the same
// JSON block as the rest.

/** The forms of a counted message, picked with Intl.PluralRules; `other` is the fallback. */
export type PluralForms = { readonly other: string } & Partial<Readonly<Record<Exclude<Intl.LDMLPluralRule, 'other'>, string>>>;

/** The translation of an area's Dutch messages: every key, a text for a text and forms for forms. */
export type Translation<Source> = { [K in keyof Source]: Source[K] extends string ? string : PluralForms };

/** The keys of the messages that are plain text (what `t(key)` takes). */
export type TextKeyOf<Source> = { [K in keyof Source]: Source[K] extends string ? K : never }[keyof Source];

/** The keys of the counted messages (what `t.plural(key, count)` takes). */
export type PluralKeyOf<Source> = { [K in keyof Source]: Source[K] extends string ? never : K }[keyof Source];

import type { ReactNode } from 'react';

// The building blocks of the long statements (privacy, accessibility): headings, paragraphs, lists and
// links on the NL Design System classes, so both read the same.

type Children = { children: ReactNode };

export function H2({ children, id }: Children & { id?: string }) {
  return (
    <h2 className="utrecht-heading-2" id={id}>
      {children}
    </h2>
  );
}

export function H3({ children }: Children) {
  return <h3 className="utrecht-heading-3">{children}</h3>;
}

export function P({ children }: Children) {
  return <p className="utrecht-paragraph">{children}</p>;
}

export function UL({ children }: Children) {
  return <ul className="utrecht-unordered-list">{children}</ul>;
}

export function LI({ children }: Children) {
  return <li className="utrecht-unordered-list__item">{children}</li>;
}

export function A({ href, children }: Children & { href: string }) {
  return (
    <a className="utrecht-link" href={href}>
      {children}
    </a>
  );
}

/** An address to write to, as a link that opens the mail program. */
export function MailLink({ address }: { address: string }) {
  return <A href={`mailto:${address}`}>{address}</A>;
}

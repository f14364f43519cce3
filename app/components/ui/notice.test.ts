import { describe, expect, it } from 'vitest';
import { hasMessage, translator } from '~/i18n';
import { en } from '~/i18n/en';
import { nl } from '~/i18n/nl';
import { noticeFollowUps, noticeFromSearch, noticeHref, withoutNotice, type NoticeKey } from './notice-key';
import { redirectWithNotice } from './notice.server';

const known = (key: string): key is NoticeKey => hasMessage('nl', key);
const read = (query: string) => noticeFromSearch(new URLSearchParams(query), known);

describe('redirectWithNotice', () => {
  it('answers 303 to the page with ?notice=<name>#notice', () => {
    const response = redirectWithNotice('/beheer/cursussen/1', 'notice.course.published');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/beheer/cursussen/1?notice=course.published#notice');
  });

  it('given the request, goes back to its path without its query (a confirmation step, Remix ?index)', () => {
    const request = new Request('http://localhost/account?afmelden=abc&index', { method: 'POST' });
    expect(redirectWithNotice(request, 'notice.registration.cancelled').headers.get('Location')).toBe(
      '/account?notice=registration.cancelled#notice',
    );
  });

  it('keeps the query of a given path (a search, a page) and carries whole numbers for the message', () => {
    const response = redirectWithNotice('/beheer/netwerken/1/koppelen?zoek=Mentee&pagina=2#oud', 'notice.matchingRun.published', {
      count: 3,
      skipped: 1,
    });
    expect(response.headers.get('Location')).toBe(
      '/beheer/netwerken/1/koppelen?zoek=Mentee&pagina=2&notice=matchingRun.published&count=3&skipped=1#notice',
    );
  });

  it('replaces an earlier notice instead of adding a second', () => {
    expect(noticeHref('/account?notice=account.verified', 'notice.registration.cancelled')).toBe(
      '/account?notice=registration.cancelled#notice',
    );
  });

  it('keeps the cookie it is given', () => {
    const response = redirectWithNotice('/inloggen', 'notice.login.loggedOut', {}, { headers: { 'Set-Cookie': 'pa_session=; Max-Age=0' } });
    expect(response.headers.get('Set-Cookie')).toBe('pa_session=; Max-Age=0');
  });
});

describe('reading the notice from the address', () => {
  it('finds a notice of the dictionaries with its numbers', () => {
    expect(read('notice=course.addedToWaitlist&position=4')).toEqual({ key: 'notice.course.addedToWaitlist', vars: { position: 4 } });
  });

  it('ignores a name that is no notice, so no text from the address reaches the page', () => {
    expect(read('notice=<script>alert(1)</script>')).toBeNull();
    expect(read('notice=Je%20account%20is%20geblokkeerd')).toBeNull();
    // A real message that is not a notice is not shown either.
    expect(read('notice=..%2Faccount.title')).toBeNull();
    expect(hasMessage('nl', 'account.title')).toBe(true);
    expect(read('notice=account.title')).toBeNull();
    expect(read('notice=toString')).toBeNull();
    expect(read('notice=__proto__')).toBeNull();
    expect(read('')).toBeNull();
  });

  it('takes only whole numbers from the address, never words', () => {
    expect(read('notice=course.cancelled&count=2&email=a@b.nl&position=-1&told=1e3')?.vars).toEqual({ count: 2 });
  });
});

describe('a form action after a notice (the kit form)', () => {
  it('drops the notice, so a refused submit does not show the earlier "Opgeslagen" again', () => {
    expect(withoutNotice('/account?notice=account.saved')).toBe('/account');
    const after = withoutNotice('/beheer/cursussen/1?notice=course.saved');
    expect(read(after.slice(after.indexOf('?') + 1))).toBeNull();
  });

  it('keeps every other part of the address: a filter, a page, a step, Remix ?index, the fragment', () => {
    expect(withoutNotice('/beheer/netwerken/1/koppelen?index&zoek=Mentee&notice=matchingRun.published&pagina=2#oud')).toBe(
      '/beheer/netwerken/1/koppelen?index&zoek=Mentee&pagina=2#oud',
    );
    expect(withoutNotice('/koppeling/1/feedback?moment=midterm')).toBe('/koppeling/1/feedback?moment=midterm');
    expect(withoutNotice('/cursussen')).toBe('/cursussen');
  });

  it('finds the notice however it is written in the address', () => {
    expect(withoutNotice('/account?%6Eotice=account.saved&notice&zoek=a%20b')).toBe('/account?zoek=a%20b');
    expect(withoutNotice('/account?notices=1&annotice=2')).toBe('/account?notices=1&annotice=2');
  });
});

describe('notice messages', () => {
  const keys = (Object.keys(nl) as (keyof typeof nl)[]).filter((key) => key.startsWith('notice.'));

  it('exist in both languages (the type keeps them there; this keeps the list from being empty)', () => {
    expect(keys.length).toBeGreaterThan(50);
    for (const key of keys) expect(en[key], key).toBeTruthy();
  });

  it('fill their follow-up sentences with the count', () => {
    for (const followUps of Object.values(noticeFollowUps)) {
      for (const key of Object.values(followUps ?? {})) {
        expect(translator('nl')(key as never, { count: 2 })).toContain('2');
        expect(translator('en')(key as never, { count: 2 })).toContain('2');
      }
    }
  });
});

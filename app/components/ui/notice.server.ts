import { redirect } from '@remix-run/node';
import { type NoticeKey, noticeHref } from './notice-key';

/**
 * After an action: a 303 redirect to the page with a notice (`?notice=<name>#notice`). Given the request,
 * it goes back to the request's own path (its query left out, so a confirmation step or a Remix `?index`
 * does not come back); given a path, to that path, keeping the path's own query (a page or a filter).
 * Numbers in `vars` fill the message's placeholders ("{count}").
 */
export function redirectWithNotice(
  to: Request | string,
  key: NoticeKey,
  vars: Record<string, number> = {},
  init: { headers?: HeadersInit } = {},
): ReturnType<typeof redirect> {
  const target = typeof to === 'string' ? to : new URL(to.url).pathname;
  return redirect(noticeHref(target, key, vars), { status: 303, headers: init.headers });
}

import { useT } from '~/i18n';

export type FeedLinkData = { name: string; https: string; webcal: string };

/** Links to subscribe to a calendar feed: webcal:// opens the calendar app, the https link can be copied. */
export function FeedLinks({ feed }: { feed: FeedLinkData }) {
  const t = useT();
  return (
    <section aria-labelledby="feed-heading" className="pa-feed-links">
      <h2 className="utrecht-heading-3" id="feed-heading">
        {t('feeds.subscribe.heading')}
      </h2>
      <p className="utrecht-paragraph">{t('feeds.subscribe.intro', { name: feed.name })}</p>
      <ul className="utrecht-unordered-list">
        <li>
          <a className="utrecht-link" href={feed.webcal}>
            {t('feeds.subscribe.webcal')}
          </a>
        </li>
        <li>
          <a className="utrecht-link" href={feed.https}>
            {t('feeds.subscribe.https')}
          </a>
        </li>
      </ul>
    </section>
  );
}

import { useT } from '~/i18n';

/** The iframe code a coordinator copies into their own website: a read-only text field, no JavaScript needed. */
export function EmbedSnippet({ snippet }: { snippet: string }) {
  const t = useT();
  return (
    <section aria-labelledby="embed-heading">
      <h2 className="utrecht-heading-2" id="embed-heading">
        {t('feeds.snippet.heading')}
      </h2>
      <p className="utrecht-paragraph">{t('feeds.snippet.intro')}</p>
      <div className="utrecht-form-field">
        <label className="utrecht-form-label" htmlFor="embed-snippet">
          {t('feeds.snippet.label')}
        </label>
        <textarea id="embed-snippet" className="utrecht-textarea utrecht-textarea--readonly" readOnly rows={4} value={snippet} />
      </div>
    </section>
  );
}

/** The iframe for an organisation's courses, pointing at /embed/cursussen. */
export function embedSnippetFor(appUrl: string, organisationId: string, title: string) {
  const src = `${appUrl}/embed/cursussen?organisation=${organisationId}`;
  const safeTitle = title.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<iframe src="${src}" title="${safeTitle}" width="100%" height="480" style="border:0" loading="lazy"></iframe>`;
}

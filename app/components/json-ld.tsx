/** Structured data for search engines: `json` must come from `scriptJson` (escaped for a script element). */
export function JsonLd({ json }: { json: string }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />;
}

const WORDMARK =
  "data:image/svg+xml," +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" width="44" height="14" viewBox="0 0 44 14">' +
      '<text x="0" y="11" font-family="system-ui,sans-serif" font-size="11" font-weight="600" fill="#555">Redoc</text></svg>',
  );

/** An SVG with nothing in it, then `#`: whatever Redoc appends (`/regular/<icon>.svg`) becomes a fragment. */
const EMPTY_ICON_BASE = "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E#";

/**
 * What Redoc 3 would fetch from a CDN at view time, and what replaces it.
 * - The "API docs by" badge logo (and a smaller one for the collapsed
 *   sidebar): an inline SVG wordmark, keeping the attribution.
 * - The icon packs (`url(<base>/<name>.svg)` as CSS background or mask, e.g.
 *   a language icon on code-sample tabs): an empty inline SVG, so no request
 *   is made and the icon is simply blank.
 * Behind a firewall each would be a failed request; offline, a console error.
 */
export const CDN_REPLACEMENTS: Readonly<Record<string, string>> = {
  "https://cdn.redoc.ly/redoc/logo-mini-full.svg": WORDMARK,
  "https://cdn.redoc.ly/redoc/logo-mini.svg": WORDMARK,
  "https://cdn.redocly.com/icons/fa/7.0.0": EMPTY_ICON_BASE,
  "https://cdn.redocly.com/icons/code/5.24.0": EMPTY_ICON_BASE,
};

/** Thrown when the rendered reference would fetch something from another host, or Redoc changed under us. */
export class OfflineCheckError extends Error {
  override readonly name = "OfflineCheckError";
  readonly code = "OFFLINE_CHECK";
  constructor(message: string, readonly urls: readonly string[]) {
    super(urls.length ? `${message}: ${urls.join(", ")}` : message);
  }
}

/** Applies `CDN_REPLACEMENTS`; throws if one is no longer there (Redoc changed: look at what it fetches now). */
export function replaceCdnUrls(html: string): string {
  let out = html;
  for (const [url, replacement] of Object.entries(CDN_REPLACEMENTS)) {
    if (!out.includes(url)) throw new OfflineCheckError("Redoc no longer contains this CDN URL; update CDN_REPLACEMENTS", [url]);
    out = out.split(url).join(replacement);
  }
  return out;
}

/**
 * URLs on other hosts that a browser would fetch when it shows the page:
 * `src`/`href` of script, link, img, iframe, source, video, audio and
 * embed elements, CSS `url()` and `@import`, and any CDN host named in
 * inline script. Plain `<a href>` links are not fetched and are allowed.
 */
export function findFetchableUrls(html: string): string[] {
  const found = new Set<string>();
  const element = /<(script|link|img|iframe|source|video|audio|embed)\b[^>]*?\s(?:src|href|srcset)\s*=\s*["']?(https?:)?\/\/[^"'\s>]+/gi;
  for (const m of html.matchAll(element)) found.add(m[0].replace(/^.*?(?=(https?:)?\/\/)/, ""));
  for (const m of html.matchAll(/url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) found.add(m[1] ?? m[0]);
  for (const m of html.matchAll(/@import\s+(?:url\()?["']?((?:https?:)?\/\/[^"')\s;]+)/gi)) found.add(m[1] ?? m[0]);
  for (const m of html.matchAll(/https?:\/\/(?:cdn|fonts|unpkg|cdnjs)\.[a-z0-9.-]+\/[^"'`\s)\\]*/gi)) found.add(m[0]);
  return [...found];
}

/** Fails when `findFetchableUrls` finds anything. */
export function assertSelfContained(html: string, page: string): void {
  const urls = findFetchableUrls(html);
  if (urls.length) throw new OfflineCheckError(`${page} would fetch from another host`, urls);
}

import { afterAll, beforeAll, expect, it } from "vitest";
import { PAGES } from "../src/site-map.js";
import { openSite, showRoute, type SiteSession } from "./support/site.js";

let site: SiteSession;

beforeAll(async () => {
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

/** Ids of the elements of a served page, as built (VitePress renders every page to HTML). */
async function idsOf(path: string): Promise<Set<string>> {
  const html = await (await fetch(`${site.origin}${path}`)).text();
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ""));
}

it("resolves every internal link of every guide page: pages, anchors and reference routes", async () => {
  const page = await site.browser.newPage();
  const broken: string[] = [];
  const routes = new Map<string, string>();
  const ids = new Map<string, Set<string>>();
  let checked = 0;
  try {
    for (const file of ["index.html", ...PAGES.map((p) => p.file)]) {
      await page.goto(`${site.origin}/${file}`);
      const hrefs = await page.locator(".VPContent a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== site.origin) continue; // a link, not a fetch: allowed, and not ours to check
        checked++;
        const fragment = decodeURIComponent(url.hash.slice(1));
        if (url.pathname === "/reference.html" && fragment) {
          routes.set(fragment, `${file} → ${href}`);
          continue;
        }
        const response = await fetch(`${site.origin}${url.pathname}`, { method: "HEAD" });
        if (response.status !== 200) broken.push(`${file} → ${href} (HTTP ${response.status})`);
        else if (fragment && url.pathname.endsWith(".html")) {
          const known = ids.get(url.pathname) ?? ids.set(url.pathname, await idsOf(url.pathname)).get(url.pathname);
          if (!known?.has(fragment)) broken.push(`${file} → ${href} (no such id)`);
        }
      }
    }
    await page.goto(`${site.origin}/reference.html`);
    for (const [route, from] of routes) if (!(await showRoute(page, route))) broken.push(`${from} (no such reference route)`);
  } finally {
    await page.close();
  }
  expect(checked).toBeGreaterThan(100);
  expect(routes.size).toBeGreaterThan(30);
  expect(broken).toEqual([]);
});

import { afterAll, beforeAll, expect, it } from "vitest";
import { PAGES } from "../src/site-map.js";
import { openDocsSession, showRoute, type DocsSession } from "./support/docs-session.js";

let session: DocsSession;

beforeAll(async () => {
  session = await openDocsSession();
});

afterAll(async () => {
  await session?.close();
});

/** Ids of the elements of a served page. */
async function idsOf(file: string): Promise<Set<string>> {
  const response = await fetch(`${session.origin}/${file}`);
  expect(response.status, file).toBe(200);
  const html = await response.text();
  return new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] ?? ""));
}

it("resolves every internal link of every guide page: pages, anchors and reference routes", async () => {
  const page = await session.browser.context.newPage();
  const broken: string[] = [];
  const routes = new Map<string, string>();
  const ids = new Map<string, Set<string>>();
  const idsFor = async (file: string) => ids.get(file) ?? ids.set(file, await idsOf(file)).get(file) ?? new Set<string>();
  let checked = 0;
  try {
    for (const entry of PAGES.filter((p) => p.source !== undefined)) {
      await page.goto(`${session.origin}/${entry.file}`);
      const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      for (const href of hrefs) {
        if (/^(https?:|mailto:)/.test(href)) continue; // a link, not a fetch: allowed, and not ours to check
        checked++;
        const [file = "", fragment] = href.split(/#(.*)/s);
        const target = file === "" ? entry.file : file;
        if (target === "reference.html" && fragment?.startsWith("/")) {
          routes.set(fragment.slice(1), `${entry.file} → ${href}`);
          continue;
        }
        const response = await fetch(`${session.origin}/${target}`, { method: "HEAD" });
        if (response.status !== 200) broken.push(`${entry.file} → ${href} (HTTP ${response.status})`);
        else if (fragment && target.endsWith(".html") && !(await idsFor(target)).has(fragment)) broken.push(`${entry.file} → ${href} (no such id)`);
      }
    }
    await page.goto(`${session.origin}/reference.html`);
    for (const [route, from] of routes) if (!(await showRoute(page, route))) broken.push(`${from} (no such reference route)`);
  } finally {
    await page.close();
  }
  expect(checked).toBeGreaterThan(100);
  expect(routes.size).toBeGreaterThan(30);
  expect(broken).toEqual([]);
});

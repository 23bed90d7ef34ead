import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGES } from "../src/site-map.js";
import { openDocsSession, SCREENSHOT_DIR, type DocsSession } from "./support/docs-session.js";
import { watchPage } from "./support/page-watch.js";

let session: DocsSession;

beforeAll(async () => {
  session = await openDocsSession();
});

afterAll(async () => {
  await session?.close();
});

describe("every page of the site", () => {
  for (const entry of PAGES) {
    it(`loads ${entry.file} with no console error, no failed request and nothing fetched from another host`, async () => {
      const page = await session.browser.context.newPage();
      try {
        const problems = watchPage(page, session.origin);
        const response = await page.goto(`${session.origin}/${entry.file}`, { waitUntil: "load" });
        expect(response?.status()).toBe(200);
        // Redoc hydrates after load and fetches its badge logo and icons then: give it time to misbehave.
        await page.waitForLoadState("networkidle");
        await expect.poll(() => page.locator("h1, h2").count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(SCREENSHOT_DIR, entry.file.replace(/\.html$/, ".png")), fullPage: entry.source !== undefined });
        expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
      } finally {
        await page.close();
      }
    });
  }

  it("links every guide page to every other one and to the reference from its navigation", async () => {
    const page = await session.browser.context.newPage();
    try {
      for (const entry of PAGES.filter((p) => p.source !== undefined)) {
        await page.goto(`${session.origin}/${entry.file}`);
        const navigation = await page.locator("nav.sidebar a, header.topbar a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
        for (const other of PAGES) expect(navigation, entry.file).toContain(other.file);
        expect(await page.locator('nav.sidebar a[aria-current="page"]').getAttribute("href")).toBe(entry.file);
      }
    } finally {
      await page.close();
    }
  });

  it("puts the site's navigation on the reference page too", async () => {
    const page = await session.browser.context.newPage();
    try {
      await page.goto(`${session.origin}/reference.html`);
      expect(await page.locator('header.topbar a[href="index.html"]').first().isVisible()).toBe(true);
      expect(await page.locator('header.topbar a[aria-current="page"]').getAttribute("href")).toBe("reference.html");
    } finally {
      await page.close();
    }
  });
});

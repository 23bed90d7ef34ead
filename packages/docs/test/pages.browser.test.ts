import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PAGES } from "../src/site-map.js";
import { openSite, SCREENSHOT_DIR, watchPage, type SiteSession } from "./support/site.js";

const FILES = ["index.html", ...PAGES.map((p) => p.file), "reference.html"];
let site: SiteSession;

beforeAll(async () => {
  site = await openSite();
});

afterAll(async () => {
  await site?.close();
});

describe("every page of the site", () => {
  for (const file of FILES) {
    it(`loads ${file} with no console error, no failed request and nothing fetched from another host`, async () => {
      const page = await site.browser.newPage({ viewport: { width: 1440, height: 1000 } });
      try {
        const problems = watchPage(page, site.origin);
        const response = await page.goto(`${site.origin}/${file}`, { waitUntil: "load" });
        expect(response?.status()).toBe(200);
        // Redoc fetches the contract and renders after load, and would fetch its badge logo then; VitePress loads fonts and chunks lazily.
        await page.waitForLoadState("networkidle");
        // Redoc's badge image (a CDN logo unless replaced) appears only once its app has mounted.
        if (file === "reference.html") await page.locator('img[alt="redocly logo"]').first().waitFor({ state: "attached" });
        await expect.poll(() => page.locator("h1, h2").count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(SCREENSHOT_DIR, file.replace(/\.html$/, ".png")), fullPage: file !== "reference.html" });
        expect(problems).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
      } finally {
        await page.close();
      }
    });
  }

  it("lists every guide page in the sidebar and the reference in the top navigation", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    try {
      for (const file of PAGES.map((p) => p.file)) {
        await page.goto(`${site.origin}/${file}`);
        const sidebar = await page.locator(".VPSidebar a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
        expect(sidebar, file).toEqual(expect.arrayContaining(["/", ...PAGES.map((p) => `/${p.file}`)]));
        expect(await page.locator(".VPSidebar a.is-active, .VPSidebar .is-active a").first().getAttribute("href")).toBe(`/${file}`);
        expect(await page.locator('.VPNavBar a[href="/reference.html"]').count(), file).toBeGreaterThan(0);
      }
    } finally {
      await page.close();
    }
  });

  it("moves between pages from the sidebar, and leaves the app for the reference", async () => {
    const page = await site.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    try {
      const problems = watchPage(page, site.origin);
      await page.goto(`${site.origin}/quick-starts.html`);
      await page.locator(".VPSidebar").getByRole("link", { name: "Errors and retries" }).click();
      await page.waitForURL(`${site.origin}/errors.html`);
      await expect.poll(() => page.locator("h1").innerText()).toContain("Errors and retries");
      await page.locator(".VPNavBar").getByRole("link", { name: "API reference" }).click();
      await page.waitForURL(`${site.origin}/reference.html`);
      await page.locator("[data-section-id]").first().waitFor({ state: "attached" });
      await page.waitForLoadState("networkidle");
      await page.locator('.site-bar a:text-is("Guide")').click();
      await page.waitForURL(`${site.origin}/`);
      // Leaving a page may abort what it still loads (Redoc's blob workers): each page's own load is checked above.
      expect({ ...problems, failedRequests: [] }).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    } finally {
      await page.close();
    }
  });
});

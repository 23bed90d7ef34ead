import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSite, SCREENSHOT_DIR, watchPage, type PageProblems, type SiteSession } from "./support/site.js";

let site: SiteSession;
let page: Page;
let problems: PageProblems;

beforeAll(async () => {
  site = await openSite();
  page = await site.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  problems = watchPage(page, site.origin);
  await page.goto(`${site.origin}/`);
});

afterAll(async () => {
  await site?.close();
});

/** Types `query` into the guide's search box and returns the pages of the results (`job-types.html#ecs-createserver` → `job-types.html`). */
async function search(query: string, screenshot?: string): Promise<string[]> {
  if (!(await page.locator("#localsearch-input").isVisible())) await page.locator(".VPNavBarSearch button").click();
  const results = page.locator(".VPLocalSearchBox a.result");
  await page.locator("#localsearch-input").fill("");
  await expect.poll(() => results.count()).toBe(0);
  await page.locator("#localsearch-input").fill(query);
  await expect.poll(() => results.count(), { message: query }).toBeGreaterThan(0);
  if (screenshot) await page.screenshot({ path: join(SCREENSHOT_DIR, screenshot) });
  const hrefs = await results.evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.map((href) => href.replace(/^\//, "").replace(/#.*$/, ""));
}

describe("the guide's search (offline, built into the site)", () => {
  it("finds a job type on the job-types page", async () => {
    expect(await search("createServer", "search-createServer.png")).toContain("job-types.html");
  });

  it("finds an error code from the contract on the errors page", async () => {
    expect(await search("EVS.2029")).toContain("errors.html");
    expect(await search("Common.0011")).toEqual(expect.arrayContaining(["errors.html", "polling.html"]));
  });

  it("finds a field name across the guide", async () => {
    const pages = await search("fail_reason");
    expect(pages).toEqual(expect.arrayContaining(["errors.html", "polling.html", "job-types.html"]));
  });

  it("finds nothing for a word that is nowhere, and fetched nothing from another host", async () => {
    await page.locator("#localsearch-input").fill("zzqxjv");
    await expect.poll(() => page.locator(".VPLocalSearchBox .no-results").count()).toBe(1);
    expect(problems.foreignRequests).toEqual([]);
    expect(problems.consoleErrors).toEqual([]);
  });
});

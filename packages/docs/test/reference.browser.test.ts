import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue } from "@cloud-jobs/spec/catalogue";
import { OPERATION_SAMPLES } from "../src/reference-spec.js";
import { documentedJobTypes } from "../src/sections/job-types.js";
import { OPERATION_ROUTE, OPERATION_TAG, schemaRoute, serviceTag, tagRoute } from "../src/site-map.js";
import { openSite, SCREENSHOT_DIR, showRoute, type SiteSession } from "./support/site.js";

const services = Object.values(catalogue.services);
let site: SiteSession;
let page: Page;

beforeAll(async () => {
  site = await openSite();
  page = await site.browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await page.goto(`${site.origin}/reference.html`, { waitUntil: "load" });
});

afterAll(async () => {
  await site?.close();
});

/** The section of a route, once shown. */
async function section(route: string): Promise<Locator> {
  expect(await showRoute(page, route), `route #${route}`).toBe(true);
  return page.locator(`[data-section-id="${route}"]`).first();
}

/** The text of the section's right-hand panels' code, where Redoc shows the example, on one line. */
async function shownExample(known: Locator): Promise<string> {
  return (await known.locator("pre, code").allInnerTexts()).join(" ").replace(/\s+/g, " ");
}

describe("the reference", () => {
  it("groups the schemas by service in the sidebar", async () => {
    await showRoute(page, OPERATION_ROUTE);
    const menu = await page.locator("li[data-item-id]").evaluateAll((items) => items.map((li) => li.getAttribute("data-item-id")));
    for (const tag of [OPERATION_TAG, ...services.map((s) => serviceTag(s.label))]) expect(menu).toContain(tagRoute(tag));
    expect(menu).toEqual(expect.arrayContaining(services.map((s) => schemaRoute(s.knownSchema))));
  });

  for (const svc of services) {
    it(`lists every documented ${svc.label} job type in ${svc.knownSchema}'s job_type discriminator`, async () => {
      const known = await section(schemaRoute(svc.knownSchema));
      expect(await known.getByRole("heading", { name: svc.knownSchema }).count()).toBeGreaterThan(0);
      const offered = await known.getByRole("combobox", { name: "job_type" }).first().locator("option").allInnerTexts();
      expect(offered.map((t) => t.trim())).toEqual(svc.knownJobTypes);
    });

    it(`shows each ${svc.label} job type's own example when the example switcher picks it`, async () => {
      const known = await section(schemaRoute(svc.knownSchema));
      // The last few types: the first one is the default, so switching to it would prove nothing.
      const picks = documentedJobTypes(svc).slice(1).slice(-3);
      expect(picks.length).toBeGreaterThan(0);
      for (const jt of picks) {
        await known.getByRole("combobox", { name: "Example" }).first().selectOption(jt.jobType);
        const example = jt.example as { job_id: string; job_type: string };
        await expect.poll(() => shownExample(known)).toContain(`"job_id": "${example.job_id}"`);
        expect(await shownExample(known)).toContain(`"job_type": "${jt.jobType}"`);
      }
      await known.screenshot({ path: join(SCREENSHOT_DIR, `reference-${svc.service}-known-job.png`) });
    });
  }

  it("offers the four service unions in the 200 response, each opening its own known/unknown pair", async () => {
    const operation = await section(OPERATION_ROUTE);
    const buttons = () => operation.getByRole("button").allInnerTexts();
    await expect.poll(buttons).toEqual(expect.arrayContaining(services.map((s) => s.unionSchema)));
    for (const svc of [...services].reverse()) {
      await operation.getByRole("button", { name: svc.unionSchema, exact: true }).first().click();
      await expect.poll(buttons).toEqual(expect.arrayContaining([svc.knownSchema, svc.unknownSchema]));
    }
  });

  it("shows the TypeScript, CLI and curl samples on the operation", async () => {
    const operation = await section(OPERATION_ROUTE);
    const tabs = (await operation.getByRole("tab").allInnerTexts()).map((t) => t.trim());
    expect(tabs).toEqual(expect.arrayContaining(OPERATION_SAMPLES.map((s) => s.label)));
    const panel = () => operation.getByRole("tabpanel").allInnerTexts().then((t) => t.join("\n"));
    expect(await panel()).toContain("createJobsClient");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "reference-operation.png") });
    await operation.getByRole("tab", { name: "CLI", exact: true }).click();
    await expect.poll(panel).toContain("cloud-jobs wait");
  });

  it("finds a job type with its search box", async () => {
    const jobType = documentedJobTypes(services[0]!).at(-1)!;
    await page.getByPlaceholder("Search...").fill(jobType.jobType);
    await expect.poll(() => page.getByRole("search").innerText(), { timeout: 15_000 }).toContain(jobType.jobType);
    await page.getByPlaceholder("Search...").fill("");
  });

  it("resolves every route the reference links to itself", async () => {
    await showRoute(page, OPERATION_ROUTE);
    const hrefs = await page.locator('a[href^="#"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    // "#tag/Jobs/operation/showJob!in=path&path=job_id" points at a parameter inside the route before "!".
    const routes = new Set(hrefs.map((href) => href.slice(1).split("!")[0] ?? ""));
    expect(routes.size).toBeGreaterThan(60);
    const broken: string[] = [];
    for (const route of routes) if (!(await showRoute(page, route))) broken.push(route);
    expect(broken).toEqual([]);
  });
});

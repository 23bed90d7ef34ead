import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogue, type ServiceCatalogue } from "@cloud-jobs/spec/catalogue";
import { OPERATION_SAMPLES } from "../src/reference-spec.js";
import { documentedJobTypes } from "../src/sections/job-types.js";
import { OPERATION_TAG, serviceTag, slug } from "../src/site-map.js";
import { openSite, SCREENSHOT_DIR, showRoute, type SiteSession } from "./support/site.js";

const services = Object.values(catalogue.services);
type ServiceInfo = ServiceCatalogue;
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

function knownRoute(svc: ServiceInfo): string {
  return `${slug(serviceTag(svc.label))}/${svc.knownSchema.toLowerCase()}`;
}

/** The section of a route, once shown. */
async function section(route: string): Promise<Locator> {
  expect(await showRoute(page, route), `route #/${route}`).toBe(true);
  return page.locator(`[data-section-id="/${route}"]`).first();
}

/** Opens the section's discriminator dropdown (Redoc 3: a menu button) unless it is open already. */
async function openDiscriminator(known: Locator): Promise<void> {
  const button = known.getByRole("button", { name: "Discriminator" }).first();
  if ((await button.getAttribute("aria-expanded")) !== "true") await button.click();
  await page.getByRole("menuitem").first().waitFor();
}

/** Picks a job type in the section's discriminator dropdown. */
async function pickJobType(known: Locator, jobType: string): Promise<void> {
  await openDiscriminator(known);
  await page.getByRole("menuitem", { name: jobType, exact: true }).click();
}

/** The text of the section's right-hand panels, where Redoc shows the example. */
async function shownExample(known: Locator): Promise<string> {
  return (await known.locator('[data-testid="right-panel"]').allInnerTexts()).join(" ").replace(/\s+/g, " ");
}

describe("the reference", () => {
  it("groups the schemas by service in the sidebar", async () => {
    await showRoute(page, "");
    const menu = await page.locator('[data-testid="menu-item-label"]').allInnerTexts();
    for (const tag of [OPERATION_TAG, ...services.map((s) => serviceTag(s.label))]) expect(menu).toContain(tag);
  });

  for (const svc of services) {
    it(`lists every documented ${svc.label} job type in ${svc.knownSchema}'s discriminator`, async () => {
      const known = await section(knownRoute(svc));
      expect(await known.getByRole("heading", { name: svc.knownSchema }).count()).toBeGreaterThan(0);
      await openDiscriminator(known);
      const offered = await page.getByRole("menuitem").allInnerTexts();
      // Choosing the default again closes the menu (Escape does not).
      await page.getByRole("menuitem", { name: documentedJobTypes(svc)[0]?.jobType ?? "", exact: true }).click();
      await expect.poll(() => page.getByRole("menuitem").count()).toBe(0);
      expect(offered.map((t) => t.trim())).toEqual(svc.knownJobTypes);
    });

    it(`shows each ${svc.label} job type's own example when the discriminator switches to it`, async () => {
      const known = await section(knownRoute(svc));
      // The last few types: the first one is the default, so switching to it would prove nothing.
      const picks = documentedJobTypes(svc).slice(1).slice(-3);
      expect(picks.length).toBeGreaterThan(0);
      for (const jt of picks) {
        await pickJobType(known, jt.jobType);
        const example = jt.example as { job_id: string; job_type: string };
        await expect.poll(() => shownExample(known)).toContain(`"job_id": "${example.job_id}"`);
        expect(await shownExample(known)).toContain(`"job_type": "${jt.jobType}"`);
      }
      await known.screenshot({ path: join(SCREENSHOT_DIR, `reference-${svc.service}-known-job.png`) });
    });
  }

  it("offers the four service unions as tabs of the 200 response, each opening its own known/unknown pair", async () => {
    const operation = await section(`${slug(OPERATION_TAG)}/showjob`);
    const tabs = operation.getByRole("tab");
    await expect.poll(() => tabs.allInnerTexts()).toEqual(expect.arrayContaining(services.map((s) => s.unionSchema)));
    for (const svc of [...services].reverse()) {
      await operation.getByRole("tab", { name: svc.unionSchema, exact: true }).first().click();
      await expect.poll(() => tabs.allInnerTexts()).toEqual(expect.arrayContaining([svc.knownSchema, svc.unknownSchema]));
    }
  });

  it("shows the TypeScript, CLI and curl samples on the operation", async () => {
    const operation = await section(`${slug(OPERATION_TAG)}/showjob`);
    const panels = async () => (await operation.locator('[data-testid="right-panel"]').allInnerTexts()).join("\n");
    expect(await panels()).toContain("createJobsClient");
    await page.screenshot({ path: join(SCREENSHOT_DIR, "reference-operation.png") });
    // The language menu lists every sample; picking one shows its source.
    await operation.getByRole("button", { name: OPERATION_SAMPLES[0]?.label ?? "", exact: true }).first().click();
    const offered = (await page.getByRole("menuitem").allInnerTexts()).map((t) => t.trim());
    expect(offered).toEqual(expect.arrayContaining(OPERATION_SAMPLES.map((s) => s.label)));
    await page.getByRole("menuitem", { name: "CLI", exact: true }).click();
    await expect.poll(panels).toContain("cloud-jobs wait");
  });

  it("resolves every route the reference links to itself", async () => {
    const routes = new Set<string>();
    for (const route of ["", ...services.map(knownRoute)]) {
      await showRoute(page, route);
      const hrefs = await page.locator('a[href^="#/"]').evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
      // "#/tag/schema#schemas/…/path=x" is a property anchor inside the route before the second "#".
      for (const href of hrefs) routes.add(href.slice(2).split("#")[0] ?? "");
    }
    expect(routes.size).toBeGreaterThan(20);
    const broken: string[] = [];
    for (const route of routes) if (!(await showRoute(page, route))) broken.push(route);
    expect(broken).toEqual([]);
  });
});

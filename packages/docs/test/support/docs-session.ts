import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, type HeadlessChromium } from "../../src/chromium.js";
import { PACKAGE_ROOT } from "../../src/code-samples.js";
import { DEFAULT_DOCS_ROOT, serveDocs, type DocsServer } from "../../src/serve-docs.js";

/** Where the test run writes its screenshots (gitignored). */
export const SCREENSHOT_DIR = join(PACKAGE_ROOT, "screenshots");

/** The built site served on 127.0.0.1:0, and a headless Chromium to look at it. */
export interface DocsSession {
  readonly server: DocsServer;
  readonly browser: HeadlessChromium;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly origin: string;
  close(): Promise<void>;
}

/** The docs have not been built: the browser tests test dist/, they do not build it. */
export class DistMissingError extends Error {
  override readonly name = "DistMissingError";
  readonly code = "DIST_MISSING";
  constructor() {
    super(`no built site in ${DEFAULT_DOCS_ROOT}: run \`pnpm --filter @cloud-jobs/docs build\` before the tests (turbo does)`);
  }
}

/** Starts the server and the browser; fails (never skips) when either is missing. */
export async function openDocsSession(): Promise<DocsSession> {
  if (!existsSync(join(DEFAULT_DOCS_ROOT, "reference.html"))) throw new DistMissingError();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = await serveDocs();
  let browser: HeadlessChromium;
  try {
    browser = await launchChromium();
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    browser,
    origin: server.url.replace(/\/$/, ""),
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Shows a reference route (`ecs-jobs/ecsknownjob`) in an already loaded
 * reference page, by changing the hash as the sidebar does, and waits for
 * its section. Resolves `false` if Redoc shows its "no page" screen instead.
 */
export async function showRoute(page: Page, route: string): Promise<boolean> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/${route}`);
  const section = page.locator(`[data-section-id="/${route}"]`).first();
  const notFound = page.getByText("No page at this address");
  await section.or(notFound).first().waitFor({ state: "attached", timeout: 15_000 });
  return (await section.count()) > 0;
}

import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "test-browser";
import sirv from "sirv";

/** The built site, and where the test run writes its screenshots (gitignored). */
export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../screenshots/", import.meta.url));

/** dist/ served on 127.0.0.1 (ephemeral port) by sirv, and a headless Chromium. */
export interface SiteSession {
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly origin: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Starts the server and the browser; fails (never skips) when the site is not built or no Chromium can be had. */
export async function openSite(): Promise<SiteSession> {
  if (!existsSync(`${DIST}reference.html`)) throw new Error(`no built site in ${DIST}: run \`pnpm --filter @cloud-jobs/docs build\` first (turbo does)`);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const server = createServer(sirv(DIST, { dev: true }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await launchChromium().catch(async (error: unknown) => {
    server.close();
    throw error;
  });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    close: async () => {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** What went wrong while a page was open: console errors, uncaught exceptions, failed requests, requests to other hosts. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  readonly foreignRequests: string[];
}

/** Records problems on `page` from now on; only `origin`, `data:` and `blob:` URLs (Redoc's search worker) may be requested. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("requestfailed", (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "?"})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.foreignRequests.push(url);
  });
  return problems;
}

/**
 * Shows a reference route (`schema/EcsKnownJob`) in an already loaded reference page by
 * changing the hash, as links and the sidebar do. Redoc renders every section once it has
 * read the contract; resolves `false` if none has this route.
 */
export async function showRoute(page: Page, route: string): Promise<boolean> {
  await page.locator("[data-section-id]").first().waitFor({ state: "attached", timeout: 30_000 });
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#${route}`);
  return (await page.locator(`[data-section-id="${route}"]`).count()) > 0;
}

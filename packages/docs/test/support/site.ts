import { existsSync, mkdirSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import sparticuz from "@sparticuz/chromium";
import { chromium, type Browser, type Page } from "playwright-core";
import sirv from "sirv";

/** The built site, and where the test run writes its screenshots (gitignored). */
export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
export const SCREENSHOT_DIR = fileURLToPath(new URL("../../screenshots/", import.meta.url));

/** No Chromium could be found or unpacked: the browser tests fail (they never skip) and say what to set. */
export class ChromiumMissingError extends Error {
  override readonly name = "ChromiumMissingError";
  readonly code = "CHROMIUM_MISSING";
}

/** Chrome or Chromium where installers put them, per OS: used when the npm package has no build for this machine. */
const INSTALLED: Record<string, string[]> = {
  linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"],
  darwin: ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"],
  win32: [`${process.env.PROGRAMFILES}\\Google\\Chrome\\Application\\chrome.exe`, `${process.env.LOCALAPPDATA}\\Chromium\\Application\\chrome.exe`],
};

/**
 * The Chromium to drive, in order: `CHROMIUM_PATH`; the one inside the npm
 * package `@sparticuz/chromium` (Linux x64, unpacked to /tmp/chromium on first
 * use — no system package, no root); an installed Chrome or Chromium.
 */
export async function findChromium(): Promise<{ executablePath: string; args: string[] }> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new ChromiumMissingError(`CHROMIUM_PATH=${chosen} does not exist: point it at a Chromium or Chrome executable`);
    return { executablePath: chosen, args: [] };
  }
  const packaged = process.platform === "linux" && process.arch === "x64" ? await sparticuz.executablePath().catch(() => undefined) : undefined;
  // --single-process (made for AWS Lambda) ends the browser with its first closed context.
  if (packaged) return { executablePath: packaged, args: sparticuz.args.filter((arg) => arg !== "--single-process") };
  const installed = INSTALLED[process.platform]?.find((path) => existsSync(path));
  if (installed) return { executablePath: installed, args: [] };
  throw new ChromiumMissingError(
    `no Chromium for ${process.platform}-${process.arch}: @sparticuz/chromium ships Linux x64 only and no Chrome or Chromium is installed; set CHROMIUM_PATH to one`,
  );
}

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
  const { executablePath, args } = await findChromium();
  const server = createServer(sirv(DIST, { dev: true }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const browser = await chromium.launch({ executablePath, args, headless: true }).catch(async (error: unknown) => {
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
 * Shows a reference route (`ecs-jobs/ecsknownjob`) in an already loaded
 * reference page, by changing the hash as the sidebar does, and waits for
 * its section. Resolves `false` if Redoc shows its "no page" screen instead.
 */
export async function showRoute(page: Page, route: string): Promise<boolean> {
  await page.evaluate((hash) => {
    location.hash = hash;
  }, `#/${route}`);
  const section = page.locator(`[data-section-id="/${route}"]`).first();
  await section.or(page.getByText("No page at this address")).first().waitFor({ state: "attached", timeout: 15_000 });
  return (await section.count()) > 0;
}

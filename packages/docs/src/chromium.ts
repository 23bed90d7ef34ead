import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";

/** Debian's Chromium (never Playwright's own download); `CHROMIUM_PATH` overrides it. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/** There is no Chromium to run the browser tests or the measurement with. */
export class ChromiumMissingError extends Error {
  override readonly name = "ChromiumMissingError";
  readonly code = "CHROMIUM_MISSING";
  constructor(readonly path: string) {
    super(`no Chromium at ${path}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  }
}

/** A headless Chromium with a fresh profile, and how to dispose of both. */
export interface HeadlessChromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium the way this machine needs (toolchain.md): a
 * persistent context on a fresh temporary profile (`--user-data-dir` cannot
 * go in `args`), no sandbox, and no background traffic of its own, so that
 * any request the page makes is the page's.
 */
export async function launchChromium(options: { viewport?: { width: number; height: number } } = {}): Promise<HeadlessChromium> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) throw new ChromiumMissingError(executablePath);
  const profile = mkdtempSync(join(tmpdir(), "cloud-jobs-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: options.viewport ?? { width: 1440, height: 1000 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// The one place that finds the Chromium the repository's browser tests and benchmarks drive.
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** No Chromium could be found or unpacked: browser tests fail (they never skip) and say what to set. */
export class ChromiumMissingError extends Error {
  name = "ChromiumMissingError";
  code = "CHROMIUM_MISSING";
}

/** Chrome or Chromium where installers put them, per OS. */
const INSTALLED = {
  linux: ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/snap/bin/chromium"],
  darwin: ["/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", "/Applications/Chromium.app/Contents/MacOS/Chromium"],
  win32: [`${process.env.PROGRAMFILES}\\Google\\Chrome\\Application\\chrome.exe`, `${process.env.LOCALAPPDATA}\\Chromium\\Application\\chrome.exe`],
};

/**
 * The npm package's Chromium, unpacked once per machine into `<tmp>/cloud-jobs-chromium-<version>`.
 * Each process unpacks into a folder of its own and renames it into place, so parallel test
 * workers never meet a half-written binary.
 */
async function packagedChromium() {
  const { default: sparticuz } = await import("@sparticuz/chromium");
  const version = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8")).dependencies["@sparticuz/chromium"];
  const shared = join(tmpdir(), `cloud-jobs-chromium-${version}`);
  if (!existsSync(join(shared, "chromium"))) {
    const own = mkdtempSync(join(tmpdir(), "cloud-jobs-chromium-unpack-"));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own; // it unpacks into os.tmpdir()
    try {
      await sparticuz.executablePath();
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    try {
      renameSync(own, shared);
    } catch {
      rmSync(own, { recursive: true, force: true }); // another process got there first
    }
  }
  // Its serverless defaults include --disable-web-security (CORS off: pages must meet it) and
  // --single-process (the browser ends with its first closed context).
  const args = sparticuz.args.filter((arg) => arg !== "--disable-web-security" && arg !== "--single-process");
  return { executablePath: join(shared, "chromium"), args };
}

/**
 * The Chromium to drive, in order: `CHROMIUM_PATH`; the one inside the npm package
 * `@sparticuz/chromium` (Linux x64; no system package, no root); an installed Chrome or Chromium.
 * @returns {Promise<{ executablePath: string, args: string[] }>}
 */
export async function findChromium() {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new ChromiumMissingError(`CHROMIUM_PATH=${chosen} does not exist: point it at a Chromium or Chrome executable`);
    return { executablePath: chosen, args: [] };
  }
  let unpackError;
  if (process.platform === "linux" && process.arch === "x64") {
    try {
      return await packagedChromium();
    } catch (error) {
      unpackError = error;
    }
  }
  const installed = INSTALLED[process.platform]?.find((path) => existsSync(path));
  if (installed) return { executablePath: installed, args: [] };
  throw new ChromiumMissingError(
    `no Chromium for ${process.platform}-${process.arch}: @sparticuz/chromium ships Linux x64 only${unpackError ? ` (and failed here: ${unpackError})` : ""} and no Chrome or Chromium is installed; set CHROMIUM_PATH to one`,
    { cause: unpackError },
  );
}

/** A headless Chromium from {@link findChromium}, driven by playwright-core. */
export async function launchChromium() {
  const { executablePath, args } = await findChromium();
  return chromium.launch({ executablePath, args, headless: true });
}

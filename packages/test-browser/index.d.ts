import type { Browser } from "playwright-core";

/** No Chromium could be found or unpacked: browser tests fail (they never skip) and say what to set. */
export declare class ChromiumMissingError extends Error {
  readonly name: "ChromiumMissingError";
  readonly code: "CHROMIUM_MISSING";
}
/** The Chromium to drive: `CHROMIUM_PATH`, the npm package `@sparticuz/chromium` (Linux x64), or an installed Chrome/Chromium. */
export declare function findChromium(): Promise<{ executablePath: string; args: string[] }>;
/** A headless Chromium from {@link findChromium}, driven by playwright-core. */
export declare function launchChromium(): Promise<Browser>;

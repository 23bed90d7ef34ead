import { afterEach, describe, expect, it } from "vitest";
import { ChromiumMissingError, findChromium } from "./support/site.js";

const saved = process.env.CHROMIUM_PATH;

afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe("findChromium", () => {
  it("fails with a named error that says what to set when CHROMIUM_PATH points at nothing", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    const finding = findChromium();
    await expect(finding).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(finding).rejects.toThrow("CHROMIUM_PATH=/nonexistent/chromium does not exist");
  });

  it("takes CHROMIUM_PATH as it is when it exists, without the packaged browser's flags", async () => {
    process.env.CHROMIUM_PATH = process.execPath;
    expect(await findChromium()).toEqual({ executablePath: process.execPath, args: [] });
  });

  it("finds a Chromium on this machine without CHROMIUM_PATH (the npm package on Linux x64)", async () => {
    delete process.env.CHROMIUM_PATH;
    const { executablePath } = await findChromium();
    expect(executablePath).toMatch(/chrom/i);
  });
});

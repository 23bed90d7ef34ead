import assert from "node:assert/strict";
import { afterEach, describe, it } from "node:test";
import { ChromiumMissingError, findChromium, launchChromium } from "../index.js";

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe("findChromium", () => {
  it("fails with a named error that says what to set when CHROMIUM_PATH points at nothing", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    await assert.rejects(findChromium(), (error) => error instanceof ChromiumMissingError && /CHROMIUM_PATH=\/nonexistent\/chromium does not exist/.test(error.message));
  });

  it("takes CHROMIUM_PATH as it is when it exists, without the packaged browser's flags", async () => {
    process.env.CHROMIUM_PATH = process.execPath;
    assert.deepEqual(await findChromium(), { executablePath: process.execPath, args: [] });
  });

  it("finds and starts a Chromium on this machine without CHROMIUM_PATH, CORS kept on", async () => {
    delete process.env.CHROMIUM_PATH;
    const { executablePath, args } = await findChromium();
    assert.match(executablePath, /chrom/i);
    assert.ok(!args.includes("--disable-web-security"));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent("<p>ready</p>");
      assert.equal(await page.textContent("p"), "ready");
    } finally {
      await browser.close();
    }
  });
});

import { afterEach, describe, expect, it } from "vitest";
import { ChromiumMissingError, launchChromium } from "./chromium.js";

const saved = process.env.CHROMIUM_PATH;

afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe("launchChromium", () => {
  it("fails, saying how to install it, when there is no Chromium", async () => {
    process.env.CHROMIUM_PATH = "/nonexistent/chromium";
    const launching = launchChromium();
    await expect(launching).rejects.toBeInstanceOf(ChromiumMissingError);
    await expect(launching).rejects.toThrow("apt-get install -y chromium");
  });
});

import { existsSync, mkdirSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { chromium, type Browser } from "playwright-core";

const UNPACK_DIR = join(tmpdir(), "cloud-jobs-runtime-tests");
const INSTALLED = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
];

/**
 * Headless Chromium: `CHROMIUM_PATH`, else an installed Chromium or Chrome,
 * else the one inside the `@sparticuz/chromium` package (Linux x64/arm64,
 * unpacked to the temporary directory on first use). Throws a message saying
 * what to set when there is none: the browser run is never skipped.
 */
export async function launchChromium(): Promise<Browser> {
  const found = process.env.CHROMIUM_PATH || INSTALLED.find((path) => existsSync(path));
  if (found) return chromium.launch({ executablePath: found, headless: true, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const { default: packaged } = await import("@sparticuz/chromium");
    // It unpacks into os.tmpdir(): a folder of our own, so that another package's browser test unpacking at
    // the same moment cannot hand this one a half-written binary.
    const saved = process.env.TMPDIR;
    mkdirSync(UNPACK_DIR, { recursive: true });
    process.env.TMPDIR = UNPACK_DIR;
    const executablePath = await packaged.executablePath().finally(() => (saved === undefined ? delete process.env.TMPDIR : (process.env.TMPDIR = saved)));
    // Its serverless defaults include --disable-web-security, which would switch CORS off (the page must meet it),
    // and --single-process, which is unsteady with more than one page.
    const args = packaged.args.filter((arg) => arg !== "--disable-web-security" && arg !== "--single-process");
    return await chromium.launch({ executablePath, headless: true, args });
  } catch (error) {
    throw new Error(
      `no Chromium to run the browser scenarios: none installed, and the one of @sparticuz/chromium (Linux x64/arm64 only) did not start on ${process.platform}/${process.arch}: ${String(error)}. Set CHROMIUM_PATH to a Chromium or Chrome executable (or delete ${UNPACK_DIR} if an unpack was interrupted).`,
      { cause: error },
    );
  }
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript" };

/**
 * Serves a page on 127.0.0.1 (its own port, so another origin than the mock
 * server's): `/` is `html`, other paths are files of `dirs` (first match).
 */
export async function servePage(html: string, dirs: readonly string[]): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const path = new URL(req.url ?? "/", "http://page.invalid").pathname;
    if (path === "/") return res.writeHead(200, { "Content-Type": "text/html" }).end(html);
    for (const dir of dirs) {
      const body = await readFile(join(dir, path.replace(/\.\.+/g, ""))).catch(() => undefined);
      if (body) return res.writeHead(200, { "Content-Type": TYPES[extname(path)] ?? "application/octet-stream" }).end(body);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

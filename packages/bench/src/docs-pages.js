// Item 6: what a reader of the built docs (packages/docs/dist) waits for — each HTML page's
// size, and its first contentful paint and load time in headless Chromium (playwright-core
// through the test-browser package, the browser the docs' own tests use), with the site served by
// sirv on 127.0.0.1 and the browser cache disabled, so every run fetches everything again.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "test-browser";
import sirv from "sirv";
import { summarize } from "./lib/measure.js";
import { BenchError, bytes, REPO_ROOT, spread, table } from "./lib/report.js";

const DOCS_DIST = join(REPO_ROOT, "packages", "docs", "dist");

/** Every HTML page under `dir`, as paths relative to `root`. @param {string} dir @param {string} [root] @returns {string[]} */
function htmlPages(dir, root = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return htmlPages(path, root);
    return entry.name.endsWith(".html") ? [relative(root, path)] : [];
  });
}

/**
 * First contentful paint and load event of one fresh visit, in ms after navigation began.
 * @param {import("playwright-core").BrowserContext} context @param {string} url
 */
async function visit(context, url) {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await page.goto(url, { waitUntil: "load" });
    return await page.evaluate(async () => {
      // first-contentful-paint may be reported just after load.
      for (let t = 0; t < 50 && performance.getEntriesByName("first-contentful-paint").length === 0; t++) await new Promise((r) => setTimeout(r, 20));
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType("navigation")[0]);
      return { fcp: paint?.startTime ?? Number.NaN, load: nav?.loadEventEnd ?? Number.NaN };
    });
  } finally {
    await page.close();
  }
}

/** @param {{ quick: boolean }} options --quick visits only the landing page and the reference, twice each @returns {Promise<import("./lib/report.js").SectionResult>} */
export async function runDocsPages({ quick }) {
  let pages;
  try {
    pages = htmlPages(DOCS_DIST).sort();
  } catch (error) {
    throw new BenchError("DOCS_NOT_BUILT", `no built docs at ${DOCS_DIST}: run pnpm --filter @cloud-jobs/docs build`, {}, error);
  }
  const visited = quick ? pages.filter((p) => p === "index.html" || p === "reference.html" || p === join("reference", "index.html")) : pages;
  if (visited.length === 0) throw new BenchError("DOCS_NOT_BUILT", `no index.html or reference page in ${DOCS_DIST}`);
  const runs = quick ? 2 : 5;
  const files = sirv(DOCS_DIST);
  const server = createServer((req, res) => files(req, res, () => void res.writeHead(404).end()));
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const base = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}/`;
  const browser = await launchChromium();
  const rows = [];
  try {
    const context = await browser.newContext();
    for (const page of visited) {
      const times = [];
      for (let i = 0; i < runs; i++) times.push(await visit(context, `${base}${page.split("\\").join("/")}`));
      if (times.some((t) => !Number.isFinite(t.fcp) || !Number.isFinite(t.load))) throw new BenchError("NO_PAINT", `${page} did not paint in Chromium`, { page });
      const html = readFileSync(join(DOCS_DIST, page));
      const ms = (/** @type {number[]} */ v) => spread(summarize(v), { unit: "ms", decimals: 0 });
      rows.push([page, bytes(html.byteLength), bytes(gzipSync(html).byteLength), ms(times.map((t) => t.fcp)), ms(times.map((t) => t.load))]);
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  const markdown = [
    `Each page of the built docs (\`packages/docs/dist\`, ${pages.length} HTML pages${quick ? `; --quick visits ${visited.length}` : ""}) served by sirv on 127.0.0.1 and opened ${runs} times in headless Chromium with the cache disabled; times are from the start of navigation, median [p25–p75]. Sizes are of the HTML file alone (scripts, styles and fonts it loads are fetched in the timed visit).`,
    "",
    table(["page", "HTML", "HTML gzip", "first contentful paint", "load"], rows),
  ].join("\n");
  return { title: "6. Docs pages: size and first paint", markdown, goals: [] };
}

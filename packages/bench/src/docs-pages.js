// Item 6: each built docs page's size, and its paints and load in headless Chromium (test-browser's), served by sirv
// on 127.0.0.1 with the browser cache disabled. See README.md.
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchChromium } from "test-browser";
import sirv from "sirv";
import { summarize } from "./lib/measure.js";
import { BenchError, bytes, num, REPO_ROOT, spread, table } from "./lib/report.js";

const DOCS_DIST = join(REPO_ROOT, "packages", "docs", "dist");

/**
 * One fresh visit, CPU throttled `rate`×: FCP, LCP and load in ms from navigation, the same-origin paths it requested
 * and the number of requests to other hosts. Both are read once the page has settled (no request for 500 ms, then an
 * idle main thread), so what loads and paints after `load` counts: Redoc fetches the contract and renders then,
 * VitePress loads chunks and fonts lazily.
 * @param {import("playwright-core").BrowserContext} context @param {string} url @param {number} rate
 */
async function visit(context, url, rate) {
  const page = await context.newPage();
  const requested = /** @type {string[]} */ ([]);
  page.on("request", (request) => void requested.push(request.url()));
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
    await page.goto(url, { waitUntil: "load" });
    await page.waitForLoadState("networkidle");
    const timing = await page.evaluate(async () => {
      await new Promise((resolve) => requestIdleCallback(() => requestAnimationFrame(() => setTimeout(resolve))));
      const lcp = await new Promise((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime)).observe({ type: "largest-contentful-paint", buffered: true });
        setTimeout(() => resolve(Number.NaN), 3000);
      });
      const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType("navigation")[0]);
      return { fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN, lcp: Number(lcp), load: nav?.loadEventEnd ?? Number.NaN };
    });
    const site = `${new URL(url).origin}/`;
    // data: and blob: URLs (Redoc's search worker) are made from what the page already loaded.
    const elsewhere = requested.filter((u) => !u.startsWith(site) && !/^(data|blob):/.test(u)).length;
    return { ...timing, paths: requested.filter((u) => u.startsWith(site)).map((u) => new URL(u).pathname), elsewhere };
  } finally {
    await page.close();
  }
}

/** @param {{ quick: boolean }} options --quick visits only the landing page and the reference, twice each @returns {Promise<import("./lib/report.js").SectionResult>} */
export async function runDocsPages({ quick }) {
  let pages;
  try {
    pages = readdirSync(DOCS_DIST, { recursive: true, encoding: "utf8" }).filter((p) => p.endsWith(".html")).sort();
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
  const goals = [];
  try {
    const context = await browser.newContext();
    for (const page of visited) {
      const [plain, slow] = [/** @type {any[]} */ ([]), /** @type {any[]} */ ([])];
      for (let i = 0; i < runs; i++) plain.push(await visit(context, `${base}${page.split("\\").join("/")}`, 1)), slow.push(await visit(context, `${base}${page.split("\\").join("/")}`, 4));
      if ([...plain, ...slow].some((t) => !Number.isFinite(t.fcp) || !Number.isFinite(t.load))) throw new BenchError("NO_PAINT", `${page} did not paint in Chromium`, { page });
      const html = readFileSync(join(DOCS_DIST, page));
      // Every file any visit requested from the site, gzipped one by one (what a server with compression sends).
      const loaded = [...new Set(plain.flatMap((t) => t.paths))].reduce((sum, p) => sum + gzipSync(readFileSync(join(DOCS_DIST, decodeURIComponent(p).replace(/\/$/, "/index.html")))).byteLength, 0);
      const ms = (/** @type {any[]} */ v, /** @type {string} */ k) => spread(summarize(v.map((t) => t[k]).filter(Number.isFinite)), { unit: "ms", decimals: 0 });
      const elsewhere = Math.max(...[...plain, ...slow].map((t) => t.elsewhere));
      rows.push([page, bytes(html.byteLength), bytes(loaded), ms(plain, "fcp"), ms(plain, "lcp"), ms(slow, "fcp"), ms(slow, "lcp"), ms(slow, "load"), String(elsewhere)]);
      if (!/^reference(\.html|[\\/]index\.html)$/.test(page)) continue;
      const [fcp, lcp] = [summarize(slow.map((t) => t.fcp)).median, summarize(slow.map((t) => t.lcp).filter(Number.isFinite)).median];
      goals.push(
        { item: "3. reference page", goal: "all bytes the browser loads ≤ 400 KiB gzip", measured: `${num(loaded / 1024, 0)} KiB gzip`, met: loaded <= 400 * 1024 },
        { item: "3. reference page", goal: "first contentful paint ≤ 1.0 s, CPU throttled 4×", measured: `${num(fcp, 0)} ms (median of ${runs})`, met: fcp <= 1000 },
        { item: "3. reference page", goal: "largest contentful paint ≤ 2.0 s, CPU throttled 4×", measured: `${num(lcp, 0)} ms (median of ${runs})`, met: lcp <= 2000 },
        { item: "3. reference page", goal: "works offline: no request to another host", measured: `${elsewhere} requests elsewhere`, met: elsewhere === 0 },
      );
    }
  } finally {
    await browser.close();
    server.closeAllConnections();
    server.close();
  }
  const markdown = [
    `Each page of the built docs (\`packages/docs/dist\`, ${pages.length} HTML pages${quick ? `; --quick visits ${visited.length}` : ""}) served by sirv on 127.0.0.1 and opened ${runs} times in headless Chromium with the cache disabled, as it is and with the CPU throttled 4× (DevTools \`Emulation.setCPUThrottlingRate\`); times are from the start of navigation, median [p25–p75]. "Loaded, gzip" is every file the page requested from the site until it settled (no request for 500 ms, then an idle main thread; LCP is read then too), each gzipped; "elsewhere" counts requests to any other host.`,
    "",
    table(["page", "HTML", "loaded, gzip", "FCP", "LCP", "FCP 4× slower CPU", "LCP 4× slower CPU", "load 4× slower CPU", "elsewhere"], rows),
  ].join("\n");
  return { title: "6. Docs pages: size and first paint", markdown, goals };
}

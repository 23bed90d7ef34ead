// Item 2: bundle size (esbuild, minified, gzip) and installed size of each contender.
import { join } from "node:path";
import { BENCH_DIR, BenchError, bytes, num, table, verdict } from "../lib/report.js";
import { startLoopbackServer } from "../loopback.js";
import { bundleSize, smokeTestBundle } from "./bundle.js";
import { BUNDLE_ENTRIES } from "./bundle-entries.js";
import { installedSize, packedSize } from "./installed-size.js";

/** The issue's goals, min+gzip (1 KB = 1000 bytes): the full client, and what a token-only getJob loads at start. */
const SIZE_GOALS = /** @type {Readonly<Record<string, [string, number]>>} */ ({
  "cloud-jobs: getJob + waitForJob + signer": ["full client (getJob + waitForJob + signer, openapi-fetch inside)", 9000],
  "cloud-jobs: getJob only (token)": ["token-only getJob through the main entry, loaded at start", 6000],
});
/** @param {string} name */
const packageDir = (name) => join(BENCH_DIR, "node_modules", name);

/** @param {{ quick: boolean }} options --quick builds each entry once instead of twice @returns {Promise<import("../lib/report.js").SectionResult>} */
export async function runSizes({ quick }) {
  const server = await startLoopbackServer();
  const measured = /** @type {Array<{ entry: import("./bundle-entries.js").BundleEntry, size: import("./bundle.js").BundleSize }>} */ ([]);
  try {
    for (const entry of BUNDLE_ENTRIES) {
      const first = await bundleSize(entry);
      const second = quick ? first : await bundleSize(entry);
      if (first.entryBytes !== second.entryBytes || first.lazyBytes !== second.lazyBytes) {
        throw new BenchError("SIZE_UNSTABLE", `two builds of "${entry.name}" differ in size`, { entry: entry.name });
      }
      await smokeTestBundle(entry, first.files, server.url);
      measured.push({ entry, size: first });
    }
  } finally {
    await server.close();
  }
  const clientDir = packageDir("@cloud-jobs/client");
  const installs = [
    { name: "@cloud-jobs/client + deps", size: installedSize(clientDir, { ownSize: packedSize(clientDir) }) },
    { name: "openapi-fetch + deps", size: installedSize(packageDir("openapi-fetch")) },
    {
      name: "official SDK: huaweicloud-sdk-ecs + core + deps + uuid",
      size: installedSize(packageDir("@huaweicloud/huaweicloud-sdk-ecs"), { extraDependencies: ["uuid"] }),
    },
  ];

  const goals = Object.entries(SIZE_GOALS).map(([name, [what, limit]]) => {
    const found = measured.find((m) => m.entry.name === name);
    if (found === undefined) throw new BenchError("MISSING_FIGURE", `no bundle for ${name}`);
    return { item: "2. bundle size", goal: `${what} ≤ ${bytes(limit)} min+gzip`, measured: `${bytes(found.size.entryGzip)} min+gzip`, met: found.size.entryGzip <= limit };
  });
  const full = /** @type {typeof measured[number]} */ (measured.find((m) => m.entry.name === "cloud-jobs: getJob + waitForJob + signer"));
  const bundleRows = measured.map(({ entry, size }) => [
    entry.name,
    bytes(size.entryBytes),
    bytes(size.entryGzip),
    size.lazyBytes === 0 ? "–" : `${bytes(size.lazyBytes)}, ${bytes(size.lazyGzip)}`,
    entry.smoke === undefined ? "–" : "ran: returned the job",
    `${entry.platform ?? "browser"}, ${entry.format ?? "esm"}${entry.splitting ? ", splitting" : ""}: ${entry.note}${size.warnings.length > 0 ? `; ${size.warnings.length} esbuild warnings` : ""}`,
  ]);
  const topRows = full.size.topInputs.map((t) => [t.path, bytes(t.bytes)]);
  const installRows = installs.map(({ name, size }) => [
    name,
    bytes(size.bytes),
    bytes(size.diskBytes),
    num(size.files, 0),
    String(size.packages.length),
  ]);
  const markdown = [
    "Each row bundles the smallest program using that feature (`src/sizes/bundle-entries.js`) with esbuild: bundle, minify, ES2022; gzip is zlib at its default level. Sizes are deterministic: every entry is built twice and must give the same bytes, so there is no spread to report. Bundles with a smoke test are written out and run in a fresh node process against the loopback job server.",
    "",
    table(["bundle", "minified, loaded at start", "min+gzip, loaded at start", "lazy chunks (min, gzip)", "smoke test", "how"], bundleRows),
    "",
    "`size-limit` checks the same two figures in the client's test line (limits in `packages/client/package.json`, set just above today's sizes so that growth fails the test).",
    "",
    `Where the full client's minified bytes come from (largest inputs, before gzip):`,
    "",
    table(["input", "bytes in output"], topRows),
    "",
    "Installed size: the package and its production dependencies, recursively (for the workspace client: the files `npm pack` would publish). Apparent size is the sum of file lengths; on disk is allocated blocks, what `du` reports. The SDK needs `uuid` without declaring it, so it is counted.",
    "",
    table(["install", "apparent size", "on disk (du)", "files", "packages"], installRows),
  ].join("\n");
  return { title: "2. Bundle and installed size", markdown, goals };
}

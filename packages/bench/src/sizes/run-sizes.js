// Item 2: bundle size (esbuild, minified, gzip) and installed size of each contender.
import { join } from "node:path";
import { BENCH_DIR, BenchError, bytes, num, table, verdict } from "../lib/report.js";
import { startLoopbackServer } from "../loopback.js";
import { bundleSize, smokeTestBundle } from "./bundle.js";
import { BUNDLE_ENTRIES } from "./bundle-entries.js";
import { installedSize, packedSize } from "./installed-size.js";

/** The issue's goal for the full client (getJob + waitForJob + signer), min+gzip; 1 KB = 1000 bytes. */
const FULL_CLIENT_GOAL_BYTES = 6000;
const FULL_CLIENT = "cloud-jobs: getJob + waitForJob + signer";
/** @param {string} name */
const packageDir = (name) => join(BENCH_DIR, "node_modules", name);

/** @param {{ quick: boolean }} options --quick builds each entry once instead of twice @returns {Promise<import("../lib/report.js").SectionResult>} */
export async function runSizes({ quick }) {
  const server = await startLoopbackServer();
  const measured = [];
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

  const full = measured.find((m) => m.entry.name === FULL_CLIENT);
  if (full === undefined) throw new BenchError("MISSING_FIGURE", `no bundle for ${FULL_CLIENT}`);
  const goals = [
    { item: "2. bundle size", goal: `full client (getJob + waitForJob + signer) ≤ ${bytes(FULL_CLIENT_GOAL_BYTES)} min+gzip`, measured: `${bytes(full.size.entryGzip)} min+gzip`, met: full.size.entryGzip <= FULL_CLIENT_GOAL_BYTES },
  ];
  const bundleRows = measured.map(({ entry, size }) => [
    entry.name,
    bytes(size.entryBytes),
    bytes(size.entryGzip),
    size.lazyBytes === 0 ? "–" : `${bytes(size.lazyBytes)}, ${bytes(size.lazyGzip)}`,
    entry.smoke === undefined ? "–" : "ran: returned the job",
    `${entry.platform ?? "browser"}, ${entry.format ?? "esm"}${entry.splitting ? ", splitting" : ""}: ${entry.note}${size.warnings.length > 0 ? `; ${size.warnings.length} esbuild warnings` : ""}`,
  ]);
  const topRows = full.size.topInputs.map((t) => [t.path, bytes(t.bytes)]);
  const tokenOnly = measured.find((m) => m.entry.name === "cloud-jobs: getJob only (token)");
  // The lazy import only pays off if the signer's modules land in the lazy chunk.
  const lazyNote =
    tokenOnly !== undefined && tokenOnly.size.lazyBytes < 1000
      ? `The signer is imported lazily, yet the lazy chunk of "${tokenOnly.entry.name}" holds only ${bytes(tokenOnly.size.lazyBytes)}: esbuild puts the signer's modules in a chunk that the entry imports statically, because the package index re-exports the signer and so makes it reachable from every importer of the index. A token-only app loads it anyway.`
      : "";
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
    ...(lazyNote === "" ? [] : [lazyNote, ""]),
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

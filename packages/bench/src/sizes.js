// Item 2: bundle size (esbuild, each bundle also run against the loopback server) and installed size (the production
// dependency closure, found the way Node finds it, so pnpm's symlinked layout is followed). See README.md.
import { execFile, execFileSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BENCH_DIR, BenchError, bytes, num, table } from "./lib/report.js";
import { AK_SK, JOB_ID, PROJECT_ID, startLoopbackServer, TOKEN } from "./loopback.js";

/** The issue's goals, min+gzip (1 KB = 1000 bytes): the full client, and what a token-only getJob loads at start. */
const SIZE_GOALS = /** @type {Readonly<Record<string, [string, number]>>} */ ({
  "cloud-jobs: getJob + waitForJob + signer": ["full client (getJob + waitForJob + signer, openapi-fetch inside)", 9000],
  "cloud-jobs: getJob only (token)": ["token-only getJob through the main entry, loaded at start", 6000],
});
/** @param {string} name */
const packageDir = (name) => join(BENCH_DIR, "node_modules", name);
/**
 * What the client's `size-limit` checks leave out (its lazy chunks), read from its package.json, so that the two goal
 * rows here are built exactly as size-limit builds them: [0] the full client, [1] the token-only getJob.
 */
const SIZE_LIMIT_IGNORE = /** @type {string[][]} */ (
  JSON.parse(readFileSync(join(packageDir("@cloud-jobs/client"), "package.json"), "utf8"))["size-limit"].map((/** @type {{ ignore?: string[] }} */ c) => c.ignore ?? [])
);

/** @param {{ quick: boolean }} options --quick builds each entry once instead of twice @returns {Promise<import("./lib/report.js").SectionResult>} */
export async function runSizes({ quick }) {
  const server = await startLoopbackServer();
  const measured = /** @type {Array<{ entry: BundleEntry, size: Awaited<ReturnType<typeof bundleSize>> }>} */ ([]);
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
    "Each row bundles the smallest program using that feature (`BUNDLE_ENTRIES` in `src/sizes.js`) with esbuild: bundle, minify, ES2022; gzip is zlib at level 9, as size-limit. Sizes are deterministic: every entry is built twice and must give the same bytes, so there is no spread to report. Bundles with a smoke test are written out and run in a fresh node process against the loopback job server.",
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

const ENTRY_FILE = "bench-entry.js";
/** Nothing is written there (`write: false`); esbuild only needs a directory to name chunks. */
const OUT_DIR = "/virtual-out";

/** Bundles one entry in memory: minified and gzipped bytes loaded at start (entry + static imports) and lazily. @param {BundleEntry} entry */
export async function bundleSize(entry) {
  let result;
  try {
    result = await build({
      stdin: { contents: entry.contents, resolveDir: `${BENCH_DIR}/src`, sourcefile: ENTRY_FILE, loader: "js" },
      bundle: true,
      minify: true,
      format: entry.format ?? "esm",
      target: "es2022",
      platform: entry.platform ?? "browser",
      splitting: entry.splitting ?? false,
      external: entry.external ?? [],
      outdir: OUT_DIR,
      write: false,
      metafile: true,
      logLevel: "silent",
      legalComments: "none",
    });
  } catch (error) {
    throw new BenchError("SIZE_FAILED", `esbuild could not bundle "${entry.name}"`, { entry: entry.name }, error);
  }
  const outputs = result.metafile.outputs;
  // Loaded at start: the entry's output and every chunk it imports statically; the rest only on `import()`.
  const entryKey = Object.keys(outputs).find((k) => outputs[k]?.entryPoint?.endsWith(ENTRY_FILE));
  const eager = new Set(entryKey === undefined ? [] : [entryKey]);
  for (const key of eager) {
    for (const imported of outputs[key]?.imports ?? []) if (imported.kind === "import-statement" && !imported.external) eager.add(imported.path);
  }
  let [entryBytes, entryGzip, lazyBytes, lazyGzip] = [0, 0, 0, 0];
  const files = [];
  const byInput = /** @type {Map<string, number>} */ (new Map());
  for (const file of result.outputFiles) {
    const key = Object.keys(outputs).find((k) => file.path === k.replace(/^.*virtual-out/, OUT_DIR));
    const output = key === undefined ? undefined : outputs[key];
    const isEager = key !== undefined && eager.has(key);
    const gz = gzipSync(file.contents, { level: 9 }).length; // as size-limit
    if (isEager) (entryBytes += file.contents.length), (entryGzip += gz);
    else (lazyBytes += file.contents.length), (lazyGzip += gz);
    files.push({ path: file.path.slice(OUT_DIR.length + 1), contents: file.contents, entry: key === entryKey });
    for (const [input, { bytesInOutput }] of Object.entries(output?.inputs ?? {})) {
      const name = input.replace(/^.*node_modules\/(?!.*node_modules)/, "").replace(/^(\.\.\/)+/, "");
      byInput.set(name, (byInput.get(name) ?? 0) + bytesInOutput);
    }
  }
  const topInputs = [...byInput].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([path, bytes]) => ({ path, bytes }));
  if (entryBytes === 0) throw new BenchError("SIZE_FAILED", `no entry chunk for "${entry.name}"`, { entry: entry.name });
  const warnings = result.warnings.map((w) => `${w.location?.file ?? "?"}: ${w.text}`);
  return { entryBytes, entryGzip, lazyBytes, lazyGzip, warnings, topInputs, files };
}

/** @param {BundleEntry} entry @param {Array<{ path: string, contents: Uint8Array, entry: boolean }>} files @param {string} url base URL of the loopback job server */
export async function smokeTestBundle(entry, files, url) {
  if (entry.smoke === undefined) return;
  const dir = await mkdtemp(join(tmpdir(), "cloud-jobs-bench-bundle-"));
  try {
    // A package.json of its own, so the entry's extension decides nothing and "type" does.
    await writeFile(join(dir, "package.json"), JSON.stringify({ type: entry.format === "cjs" ? "commonjs" : "module" }));
    let main = "";
    for (const file of files) {
      const target = join(dir, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.contents);
      if (file.entry) main = target;
    }
    const constants = JSON.stringify({ url, PROJECT_ID, TOKEN, JOB_ID, AK_SK });
    // A browser bundle runs as in a browser: no Node built-ins handed out, so the client takes the global fetch (its
    // node:http transport is a chunk such a bundle leaves out).
    const asBrowser = (entry.platform ?? "browser") === "browser" ? "delete process.getBuiltinModule;\n" : "";
    const script = `${asBrowser}const { url, PROJECT_ID, TOKEN, JOB_ID, AK_SK } = ${constants};
const m = await import(${JSON.stringify(pathToFileURL(main).href)});
const job = await (${entry.smoke});
if (job?.job_id !== JOB_ID) { console.error("not the job:", JSON.stringify(job)?.slice(0, 200)); process.exit(1); }`;
    await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], {
      cwd: dir,
      env: { ...process.env, HOME: dir }, // the SDK writes $HOME/.huaweicloud
      timeout: 60_000,
    });
  } catch (error) {
    const stderr = String(/** @type {{ stderr?: unknown }} */ (error).stderr ?? "").split("\n").slice(0, 3).join(" ");
    throw new BenchError("BUNDLE_BROKEN", `the bundle of "${entry.name}" does not run: ${stderr || String(error)}`, { entry: entry.name }, error);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** @typedef {{ bytes: number, diskBytes: number, files: number }} Size */

/** Apparent size and blocks on disk (what `du` reports) of the given files. @param {string[]} paths @returns {Size} */
function filesSize(paths) {
  const stats = paths.map((path) => lstatSync(path));
  return { bytes: stats.reduce((sum, st) => sum + st.size, 0), diskBytes: stats.reduce((sum, st) => sum + st.blocks * 512, 0), files: paths.length };
}

/** Files under `dir` outside nested node_modules (dependencies are counted separately). @param {string} dir */
function listFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !relative(dir, join(e.parentPath, e.name)).split(sep).includes("node_modules"))
    .map((e) => join(e.parentPath, e.name));
}

/** Where Node would find `name` when required from a module in `fromDir`. @param {string} name @param {string} fromDir */
function findPackage(name, fromDir) {
  for (let dir = fromDir; dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === "node_modules") continue;
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
  }
  throw new BenchError("SIZE_FAILED", `cannot find dependency ${name} from ${fromDir}`, { name });
}

/**
 * Size of a package's production dependency closure, with the packages counted. `ownSize` replaces the package's own
 * (a workspace package's packed files); `extraDependencies` are required but not declared (the SDK's uuid).
 * @param {string} packageDir @param {{ ownSize?: Size, extraDependencies?: string[] }} [options]
 */
export function installedSize(packageDir, { ownSize, extraDependencies = [] } = {}) {
  const root = realpathSync(packageDir);
  const seen = /** @type {Map<string, { name: string, version: string } & Size>} */ (new Map());
  /** @param {string} dir @param {string[]} extra */
  const visit = (dir, extra) => {
    if (seen.has(dir)) return;
    const m = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const size = dir === root && ownSize !== undefined ? ownSize : filesSize(listFiles(dir));
    seen.set(dir, { name: m.name, version: m.version, ...size });
    for (const dep of [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.optionalDependencies ?? {}), ...extra]) {
      let found;
      try {
        found = findPackage(dep, dir);
      } catch (error) {
        if (dep in (m.optionalDependencies ?? {})) continue; // optional and not installed on this platform
        throw error;
      }
      visit(found, []);
    }
  };
  visit(root, extraDependencies);
  const packages = [...seen.values()];
  const sum = (/** @type {"bytes" | "diskBytes" | "files"} */ key) => packages.reduce((s, p) => s + p[key], 0);
  return { bytes: sum("bytes"), diskBytes: sum("diskBytes"), files: sum("files"), packages };
}

/** Size of the files `npm pack` would publish for a workspace package (what an install unpacks). @param {string} packageDir @returns {Size} */
export function packedSize(packageDir) {
  let out;
  try {
    out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new BenchError("SIZE_FAILED", `npm pack --dry-run failed in ${packageDir}`, {}, error);
  }
  const [info] = JSON.parse(out);
  if (!Array.isArray(info?.files) || info.files.length === 0) throw new BenchError("SIZE_FAILED", "npm pack listed no files", { packageDir });
  return filesSize(info.files.map((/** @type {{ path: string }} */ f) => join(packageDir, f.path)));
}

/** `contents` is resolved from src/; `smoke`, run with the bundle as `m` and the server's `url`, must resolve to the job.
 * @typedef {{ name: string, contents: string, platform?: "browser" | "node", format?: "esm" | "cjs", splitting?: boolean, external?: string[], note: string, smoke?: string }} BundleEntry */

/** @type {readonly BundleEntry[]} */
export const BUNDLE_ENTRIES = [
  {
    name: "cloud-jobs: getJob only (token)",
    contents: `import { createJobsClient } from "@cloud-jobs/client";
export const getJob = (endpoint, projectId, token, jobId) =>
  createJobsClient({ service: "ecs", projectId, endpoint, auth: { token } }).getJob(jobId);`,
    // esbuild's splitting follows the main entry's re-exports a file at a time, so it would count the lazy chunks' modules
    // as loaded at start; left out as size-limit does, the chunks are what the app loads on first use.
    external: SIZE_LIMIT_IGNORE[1],
    note: "the one entry point, token auth, getJob only; the lazy chunks (signer, wait engine, contract check, and the node:http transport, which only Node loads) left out, as size-limit does",
    smoke: "m.getJob(url, PROJECT_ID, TOKEN, JOB_ID)",
  },
  {
    name: "cloud-jobs: getJob only (token), esbuild code splitting",
    contents: `import { createJobsClient } from "@cloud-jobs/client";
export const getJob = (endpoint, projectId, token, jobId) =>
  createJobsClient({ service: "ecs", projectId, endpoint, auth: { token } }).getJob(jobId);`,
    splitting: true,
    note: "the same app built with esbuild's code splitting: it keeps the modules the main entry re-exports (the wait engine) in the start chunk; Rollup and webpack drop them",
  },
  {
    name: "cloud-jobs: getJob + waitForJob + signer",
    contents: `import { createJobsClient } from "@cloud-jobs/client";
export async function run(options, jobId) {
  const client = createJobsClient(options); // token or AK/SK
  await client.getJob(jobId);
  return client.waitForJob(jobId);
}`,
    external: SIZE_LIMIT_IGNORE[0],
    note: "one file, the lazy chunks inlined: the full client (the opt-in contract validators, loaded only with `validate`, and the node:http transport, loaded only on Node, left out, as size-limit does)",
  },
  {
    name: "cloud-jobs: whole public API",
    contents: `export * from "@cloud-jobs/client";`,
    note: "every export (watcher, verifier, helpers) — an upper bound, for reference",
  },
  {
    name: "cloud-jobs: signRequest alone",
    contents: `import { signRequest } from "@cloud-jobs/client/signer";
export const sign = (url, accessKey, secretKey) => signRequest({ method: "GET", url, headers: {} }, { accessKey, secretKey });`,
    note: "the AK/SK signer on its own (`@cloud-jobs/client/signer`): what AK/SK adds to a token-only app",
  },
  {
    name: "openapi-fetch alone",
    contents: `import createClient from "openapi-fetch";
export const getJob = (baseUrl, token, project_id, job_id) =>
  createClient({ baseUrl, headers: { "X-Auth-Token": token } }).GET("/v1/{project_id}/jobs/{job_id}", { params: { path: { project_id, job_id } } });`,
    note: "one typed GET, no auth helpers, no error handling",
  },
  {
    name: "official SDK: EcsClient.showJob",
    contents: `import { BasicCredentials } from "@huaweicloud/huaweicloud-sdk-core";
import { EcsClient, ShowJobRequest } from "@huaweicloud/huaweicloud-sdk-ecs";
export const showJob = (endpoint, ak, sk, projectId, jobId) =>
  EcsClient.newBuilder().withCredential(new BasicCredentials().withAk(ak).withSk(sk).withProjectId(projectId))
    .withEndpoint(endpoint).build().showJob(new ShowJobRequest(jobId));`,
    platform: "node",
    // ESM output builds too, but fails at run time: the SDK's require() of Node built-ins becomes a shim that throws.
    format: "cjs",
    note: "platform node, CommonJS output (it requires http, fs, crypto); little is tree-shaken from CommonJS",
    smoke: "m.showJob(url, AK_SK.accessKey, AK_SK.secretKey, PROJECT_ID, JOB_ID)",
  },
];

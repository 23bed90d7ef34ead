// Bundle size as an application pays it — esbuild, minified, ES2022, then gzip — and proof
// that a bundle runs, not only that esbuild produced it: the bundle is written to a temporary
// directory and a fresh node process calls it against the loopback job server (the official
// SDK's ESM bundle, for one, builds without a warning and then throws on its first require()).
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { BENCH_DIR, BenchError } from "../lib/report.js";
import { AK_SK, JOB_ID, PROJECT_ID, TOKEN } from "../loopback.js";

const ENTRY_FILE = "bench-entry.js";
/** Nothing is written there (`write: false`); esbuild only needs a directory to name chunks. */
const OUT_DIR = "/virtual-out";

/**
 * @typedef {object} BundleSize
 * @property {number} entryBytes minified bytes loaded at start (entry + statically imported chunks)
 * @property {number} entryGzip the same, gzipped chunk by chunk (zlib default level 6)
 * @property {number} lazyBytes minified bytes of chunks only loaded on demand
 * @property {number} lazyGzip
 * @property {string[]} warnings esbuild warnings, e.g. requires it could not bundle
 * @property {Array<{ path: string, bytes: number }>} topInputs the inputs that take most of the output
 * @property {Array<{ path: string, contents: Uint8Array, entry: boolean }>} files the output, for running it
 */

/** Bundles one entry in memory and measures it. @param {import("./bundle-entries.js").BundleEntry} entry @returns {Promise<BundleSize>} */
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
  let entryBytes = 0;
  let entryGzip = 0;
  let lazyBytes = 0;
  let lazyGzip = 0;
  const files = [];
  const byInput = /** @type {Map<string, number>} */ (new Map());
  for (const file of result.outputFiles) {
    const key = Object.keys(outputs).find((k) => file.path === k.replace(/^.*virtual-out/, OUT_DIR));
    const output = key === undefined ? undefined : outputs[key];
    const isEager = key !== undefined && eager.has(key);
    const gz = gzipSync(file.contents).length;
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

/** @param {import("./bundle-entries.js").BundleEntry} entry @param {Array<{ path: string, contents: Uint8Array, entry: boolean }>} files @param {string} url base URL of the loopback job server */
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
    const script = `const { url, PROJECT_ID, TOKEN, JOB_ID, AK_SK } = ${constants};
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

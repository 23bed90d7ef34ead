// Proves a bundle runs, not only that esbuild produced it: the bundle is written
// to a temporary directory and a fresh node process calls it against the
// loopback job server. The official SDK's ESM bundle, for one, builds without a
// warning and then throws on its first require() of a Node built-in.
import { execFile } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { BenchError } from "../lib/bench-error.js";
import { AK_SK, JOB_ID, PROJECT_ID, TOKEN } from "../per-call/job-body.js";

/**
 * @param {import("./bundle-entries.js").BundleEntry} entry
 * @param {Array<{ path: string, contents: Uint8Array, entry: boolean }>} files
 * @param {string} url base URL of the loopback job server
 */
export async function smokeTestBundle(entry, files, url) {
  if (entry.smoke === undefined) return;
  const dir = await mkdtemp(join(tmpdir(), "cloud-jobs-bench-bundle-"));
  try {
    // A package.json of its own, so the entry's extension decides nothing and "type" does.
    await writeFile(join(dir, "package.json"), JSON.stringify({ type: entry.format === "esm" ? "module" : "commonjs" }));
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

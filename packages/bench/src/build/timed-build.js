// One `pnpm run build` at the repository root, timed, with turbo's cache in a
// directory of our choosing: a fresh one for a cold build, the same one again
// for a warm (cache-hit) rebuild. The repository's own turbo cache is not touched.
import { spawn } from "node:child_process";
import { BenchError } from "../lib/bench-error.js";
import { REPO_ROOT } from "../lib/paths.js";
import { originalHome } from "../per-call/official-sdk.js";

/** Environment for the build: the real HOME back (the SDK borrowed it), no variables of an enclosing turbo run. */
function buildEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, HOME: originalHome, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" };
  for (const name of Object.keys(env)) if (name.startsWith("TURBO_") && name !== "TURBO_TELEMETRY_DISABLED") delete env[name];
  return env;
}

/**
 * Runs the root build and returns its wall time and turbo's task counts.
 * @param {string} cacheDir turbo `--cache-dir`
 * @param {string[]} [extraArgs] e.g. `["--dry=json"]` for a check that builds nothing
 * @returns {Promise<{ wallMs: number, turboMs: number | undefined, tasks: number, cached: number, missed: string[], output: string }>}
 */
export async function timedBuild(cacheDir, extraArgs = []) {
  // new-only: executed tasks show their output (kept for error messages), cached ones one "cache hit" line.
  const args = ["run", "build", `--cache-dir=${cacheDir}`, "--output-logs=new-only", ...extraArgs];
  const started = performance.now();
  const { code, output } = await new Promise((resolve, reject) => {
    // A build that takes this long is stuck, not slow (a cold one takes under a minute here).
    const child = spawn("pnpm", args, { cwd: REPO_ROOT, env: buildEnv(), stdio: ["ignore", "pipe", "pipe"], timeout: 300_000 });
    let text = "";
    child.stdout.on("data", (chunk) => (text += chunk));
    child.stderr.on("data", (chunk) => (text += chunk));
    child.once("error", (error) => reject(new BenchError("BUILD_FAILED", "could not start pnpm", { args }, error)));
    child.once("close", (exitCode, signal) => resolve({ code: exitCode ?? signal, output: text }));
  });
  const wallMs = performance.now() - started;
  if (code !== 0) {
    const tail = String(output).trim().split("\n").slice(-15).join("\n");
    throw new BenchError("BUILD_FAILED", `pnpm ${args.join(" ")} exited with ${code}:\n${tail}`, { code });
  }
  const cachedMatch = /Cached:\s+(\d+) cached, (\d+) total/.exec(output);
  const timeMatch = /Time:\s+([\d.]+)(ms|s|m)\b/.exec(output);
  const unit = { ms: 1, s: 1000, m: 60_000 };
  return {
    wallMs,
    turboMs: timeMatch ? Number(timeMatch[1]) * unit[/** @type {"ms" | "s" | "m"} */ (timeMatch[2])] : undefined,
    tasks: cachedMatch ? Number(cachedMatch[2]) : 0,
    cached: cachedMatch ? Number(cachedMatch[1]) : 0,
    missed: [...output.matchAll(/^(\S+):build: cache miss/gm)].map((m) => /** @type {string} */ (m[1])),
    output,
  };
}

// Item 5: cold (empty turbo cache, in a temporary directory) and warm root builds, interleaved. See README.md.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { summarize } from "./lib/measure.js";
import { BenchError, REPO_ROOT, spread, table } from "./lib/report.js";
import { originalHome } from "./per-call.js";

/** Environment for the build: the real HOME back (the SDK borrowed it), no variables of an enclosing turbo run. */
function buildEnv() {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, HOME: originalHome, TURBO_TELEMETRY_DISABLED: "1", FORCE_COLOR: "0", NO_COLOR: "1" };
  for (const name of Object.keys(env)) if (name.startsWith("TURBO_") && name !== "TURBO_TELEMETRY_DISABLED") delete env[name];
  return env;
}

/**
 * The root build with turbo's cache in `cacheDir`: wall time and turbo's task counts.
 * @param {string} cacheDir @param {string[]} [extraArgs]
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

/** --quick only plans the build (`--dry=json`): pnpm and turbo run and the task graph resolves. */
async function dryRun() {
  const cacheDir = await mkdtemp(join(tmpdir(), "cloud-jobs-bench-turbo-"));
  try {
    const { output } = await timedBuild(cacheDir, ["--dry=json"]);
    const plan = JSON.parse(output.slice(output.indexOf("{")));
    const tasks = Array.isArray(plan.tasks) ? plan.tasks.filter((/** @type {{ command?: string }} */ t) => t.command !== "<NONEXISTENT>") : [];
    if (tasks.length === 0) throw new BenchError("BUILD_FAILED", "turbo planned no build task");
    return { title: "5. Build: cold and warm", markdown: `_Skipped: --quick does not rebuild the repository (it runs inside the test line, next to other builds); turbo's dry run planned ${tasks.length} build tasks_`, goals: [] };
  } finally {
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/** Two cold/warm pairs, a third if it fits before `deadline`. @param {{ quick: boolean, deadline: number }} options @returns {Promise<import("./lib/report.js").SectionResult>} */
export async function runBuildTiming({ quick, deadline }) {
  if (quick) return dryRun();
  const maxPairs = 3;
  const cold = /** @type {Awaited<ReturnType<typeof timedBuild>>[]} */ ([]);
  const warm = /** @type {Awaited<ReturnType<typeof timedBuild>>[]} */ ([]);
  const problems = /** @type {string[]} */ ([]);
  const notes = /** @type {string[]} */ ([]);
  let lastPairMs = 0;
  while (cold.length < maxPairs && (cold.length < 2 || performance.now() + lastPairMs < deadline)) {
    const pairStart = performance.now();
    const cacheDir = await mkdtemp(join(tmpdir(), "cloud-jobs-bench-turbo-"));
    try {
      const c = await timedBuild(cacheDir);
      if (c.cached !== 0) problems.push(`a cold build with an empty cache dir still had ${c.cached} of ${c.tasks} tasks cached`);
      cold.push(c);
      const w = await timedBuild(cacheDir);
      if (w.missed.length === 0) warm.push(w);
      else {
        // A second try tells a one-off change (an edit, a build writing into its inputs once) from a task that never hits.
        const again = await timedBuild(cacheDir);
        if (again.missed.length === 0) {
          warm.push(again);
          notes.push(
            `a warm rebuild re-ran ${w.missed.join(", ")}: its inputs changed after the cold build — someone edited the package meanwhile, or the cold build itself wrote into the task's inputs; the rebuild after that was a full hit and is the one counted`,
          );
        } else {
          problems.push(`two warm rebuilds in a row re-ran ${again.missed.join(", ")}: its inputs change with every build (outputs inside its inputs?) or someone kept editing it`);
          warm.push(again);
        }
      }
    } finally {
      await rm(cacheDir, { recursive: true, force: true });
    }
    lastPairMs = performance.now() - pairStart;
  }
  // Seconds for builds, milliseconds for what turbo does on a full cache hit.
  const time = (/** @type {number[]} */ ms) => {
    if (ms.length === 0) return "–";
    const s = summarize(ms);
    return s.median >= 1000 ? spread(s, { unit: "s", decimals: 1, scale: (v) => v / 1000 }) : spread(s, { unit: "ms", decimals: 0 });
  };
  const turbo = (/** @type {typeof cold} */ runs) => time(runs.flatMap((r) => (r.turboMs === undefined ? [] : [r.turboMs])));
  const rows = [
    ["cold: empty cache, every task runs", String(cold.length), time(cold.map((r) => r.wallMs)), turbo(cold), `${cold[0]?.cached ?? 0}/${cold[0]?.tasks ?? 0}`],
    ["warm: same cache, nothing changed", String(warm.length), time(warm.map((r) => r.wallMs)), turbo(warm), `${warm.at(-1)?.cached ?? 0}/${warm.at(-1)?.tasks ?? 0}`],
  ];
  const markdown = [
    "`pnpm run build --cache-dir=<fresh temporary dir> --output-logs=new-only` at the repository root: the cold build starts with an empty turbo cache, then the same command again is the warm rebuild (all tasks restored from that cache). Cold and warm runs alternate, each pair with a new cache directory; two pairs always, a third if it fits in the 5-minute budget. **Wall** is the whole command as a user waits for it (pnpm and turbo start-up included); **turbo** is the `Time:` turbo reports.",
    "",
    table(["build", "runs", "wall", "turbo", "cached tasks"], rows),
    ...(problems.length > 0 ? ["", ...[...new Set(problems)].map((p) => `**Problem:** ${p}.`)] : []),
    ...(notes.length > 0 ? ["", ...[...new Set(notes)].map((n) => `Note: ${n}.`)] : []),
  ].join("\n");
  return { title: "5. Build: cold and warm", markdown, goals: [] };
}

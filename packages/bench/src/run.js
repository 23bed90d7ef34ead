#!/usr/bin/env node
// Runs the measurements and writes RESULTS.md (--quick: a smoke test, to a temp file). A broken section is reported
// and makes the exit code 1. Usage in README.md.
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { arch, cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { runBuildTiming } from "./build.js";
import { runDocsPages } from "./docs-pages.js";
import { BENCH_DIR, BenchError, num, REPO_ROOT, table, verdict } from "./lib/report.js";
import { runPerCall } from "./per-call.js";
import { runSharedCap } from "./shared-cap.js";
import { runSizes } from "./sizes.js";
import { runWaitSimulation } from "./wait.js";
import { runConcurrentWaits } from "./waits.js";

const SECTION_IDS = ["1", "2", "3", "4", "5", "6", "7"];
const USAGE = `usage: node src/run.js [--quick] [--out=FILE] [--only=${SECTION_IDS.join(",")}]`;
const FULL_RUN_BUDGET_MS = 285_000; // the issue's 5 minutes, with a margin

let values;
try {
  ({ values } = parseArgs({ options: { quick: { type: "boolean", default: false }, out: { type: "string" }, only: { type: "string", default: SECTION_IDS.join(",") }, help: { type: "boolean" } } }));
  const unknown = values.only.split(",").find((id) => !SECTION_IDS.includes(id));
  if (unknown !== undefined) throw new Error(`--only: no section ${unknown} (sections: ${SECTION_IDS.join(", ")})`);
  if (values.help) throw new Error(USAGE);
} catch (error) {
  console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
  process.exit(2);
}
const { quick } = values;
// --quick never overwrites RESULTS.md unless asked to.
const out = values.out ?? (quick ? join(tmpdir(), "cloud-jobs-bench-quick", "RESULTS.md") : join(BENCH_DIR, "RESULTS.md"));
const started = performance.now();
const startedAt = new Date();
const deadline = started + FULL_RUN_BUDGET_MS;
const load = () => /** @type {number} */ (loadavg()[0]);
const loadAtStart = loadavg();

const plan = [
  // Cheap, deterministic parts first; the root build last, so it takes what is left of the budget.
  { id: "2", title: "2. Bundle and installed size", run: () => runSizes({ quick }) },
  { id: "3", title: "3. Waiting: requests and detection delay (simulated clock)", run: () => runWaitSimulation({ quick }) },
  { id: "1", title: "1. Per-call time of getJob", run: () => runPerCall({ quick }) },
  { id: "4", title: "4. 10,000 concurrent waits in one process", run: () => runConcurrentWaits({ quick, deadline }) },
  { id: "7", title: "7. One cap for many processes (Redis)", run: () => runSharedCap({ quick }) },
  { id: "6", title: "6. Docs pages: size and first paint", run: () => runDocsPages({ quick }) },
  { id: "5", title: "5. Build: cold and warm", run: () => runBuildTiming({ quick, deadline }) },
];
const sections = [];
for (const { id, title, run } of plan) {
  if (!values.only.split(",").includes(id)) continue;
  const t0 = performance.now();
  const entry = { title, result: /** @type {import("./lib/report.js").SectionResult | undefined} */ (undefined), error: /** @type {Error | undefined} */ (undefined), seconds: 0, loadBefore: load(), loadAfter: 0 };
  console.error(`[bench] ${title} …`);
  try {
    entry.result = await run();
    entry.title = entry.result.title;
  } catch (error) {
    entry.error = error instanceof Error ? error : new BenchError("UNKNOWN", String(error));
    console.error(`[bench] ${title} FAILED:`, error);
  }
  entry.seconds = (performance.now() - t0) / 1000;
  entry.loadAfter = load();
  console.error(`[bench] ${title}: ${entry.error ? "failed" : "done"} in ${entry.seconds.toFixed(1)} s`);
  sections.push(entry);
}
sections.sort((a, b) => a.title.localeCompare(b.title, "en", { numeric: true }));

/** Version of each package the figures depend on — the bench's own dependencies, turbo and pnpm — as installed. */
const manifest = (/** @type {string} */ dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const versions = [...Object.keys(manifest(BENCH_DIR).devDependencies), "turbo", "pnpm"].filter((name) => name !== "@types/node").map((name) => {
  const from = name === "turbo" || name === "pnpm" ? REPO_ROOT : BENCH_DIR;
  try {
    return [name, String(manifest(join(from, "node_modules", name)).version)];
  } catch {
    return [name, "not installed"];
  }
});
const cores = cpus().length;
const seconds = (performance.now() - started) / 1000;
const goals = sections.flatMap((s) => s.result?.goals ?? []);
const missed = goals.filter((g) => !g.met);
const failed = sections.filter((s) => s.error !== undefined);
const busiest = Math.max(...sections.flatMap((s) => [s.loadBefore, s.loadAfter]));
const lines = [
  "# Benchmark results",
  "",
  `Written by \`${quick ? "node src/run.js --quick" : "pnpm bench"}\` on ${startedAt.toISOString()} in ${num(seconds, 0)} s. How each figure is made and how to read it: [README.md](./README.md). Figures are medians over repeated runs with the interquartile range in brackets: \`median [p25–p75]\`.`,
  ...(quick ? ["", "**Quick mode: tiny runs for a smoke test. These figures mean nothing.**"] : []),
  "",
  "## Machine",
  "",
  table(["", ""], [
    ["CPU", cpus()[0]?.model.trim() ?? "unknown"],
    ["cores", String(cores)],
    ["memory", `${num(totalmem() / 1024 ** 3, 1)} GiB`],
    ["OS", `${platform()} ${release()} ${arch()}`],
    ["Node", process.version],
    ["load average (1/5/15 min) at start", loadAtStart.map((l) => num(l, 2)).join(" / ")],
  ]),
  "",
  busiest > cores
    ? `**The machine was busy:** the 1-minute load average reached ${num(busiest, 1)} on ${cores} cores during the run (other processes competing for the CPU). Absolute times are inflated; the ratios come from interleaved rounds and hold better, and the per-call table also gives client CPU time, which waiting for a core does not inflate.`
    : `The 1-minute load average stayed at or below ${num(busiest, 1)} on ${cores} cores during the run.`,
  "",
  "## Versions",
  "",
  table(["package", "version"], versions),
  "",
  "## Goals",
  "",
  goals.length === 0 ? "_No goal was measured in this run._" : table(["item", "goal", "measured", "verdict"], goals.map((g) => [g.item, g.goal, g.measured, verdict(g.met)])),
  "",
  missed.length > 0
    ? `**${missed.length} of ${goals.length} goals missed:** ${missed.map((g) => `${g.goal} (measured ${g.measured})`).join("; ")}.`
    : goals.length > 0 ? `All ${goals.length} goals met.` : "",
  ...(failed.length > 0 ? ["", `**${failed.length} section(s) failed** and produced no figures: ${failed.map((s) => s.title).join(", ")}.`] : []),
];
for (const s of sections) {
  lines.push("", `## ${s.title}`, "", `_${num(s.seconds, 0)} s; 1-minute load average ${num(s.loadBefore, 1)} at start, ${num(s.loadAfter, 1)} at end._`, "");
  lines.push(s.error !== undefined ? `**FAILED:** ${s.error.message}` : (s.result?.markdown ?? ""));
}
lines.push(
  "",
  "## Closing note",
  "",
  `${missed.length === 0 ? "Every goal above was met" : `${missed.length} of ${goals.length} goals were missed: ${missed.map((g) => `${g.goal} (${g.measured})`).join("; ")}`}. ${busiest > cores ? `The machine was shared and busy (load up to ${num(busiest, 1)} on ${cores} cores): absolute times are inflated; judge by the ratios, which come from contenders run side by side in the same rounds.` : ""}`,
  "",
  "Commands: `pnpm --filter @cloud-jobs/bench bench` (this report, about 5 minutes); `node --expose-gc src/run.js --only=1,4 --out=/tmp/r.md` in `packages/bench` (some sections); `pnpm --filter @cloud-jobs/client exec size-limit` (the two bundle limits alone); `pnpm --filter @cloud-jobs/bench test` (the quick smoke run).",
);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, `${lines.join("\n")}\n`);
console.error(`[bench] report written to ${out} (${seconds.toFixed(0)} s); ${failed.length} section(s) failed, ${missed.length} goal(s) missed`);
if (failed.length > 0) process.exitCode = 1;
// The official SDK's log4js and keep-alive sockets may hold the event loop open; the work is done.
process.exit();

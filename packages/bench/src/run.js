#!/usr/bin/env node
// Runs the five measurements of the bench issue and writes the report:
//   node src/run.js            full run (≤ 5 minutes), writes packages/bench/RESULTS.md
//   node src/run.js --quick    seconds, a smoke test for the test line; report to a temp file
// A section that breaks (a contender throws, a size cannot be computed, the
// watcher exceeds its cap, the build fails) is reported and makes the exit code 1.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { runBuildTiming } from "./build/run-build-timing.js";
import { parseArgs } from "./cli-args.js";
import { BenchError } from "./lib/bench-error.js";
import { currentLoad, describeMachine, packageVersions } from "./lib/machine.js";
import { runPerCall } from "./per-call/run-per-call.js";
import { renderReport } from "./report/render-report.js";
import { runSizes } from "./sizes/run-sizes.js";
import { runWaitSimulation } from "./wait/run-wait-simulation.js";
import { runConcurrentWaits } from "./watcher/run-concurrent-waits.js";

/** The whole default run should end within this (the 5 minutes, with a margin). */
const FULL_RUN_BUDGET_MS = 285_000;

let args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
const { quick, out, only } = args;
const started = performance.now();
const startedAt = new Date();
const deadline = started + FULL_RUN_BUDGET_MS;
const machine = describeMachine();

/** @type {Array<{ id: string, title: string, run: () => Promise<import("./lib/section.js").SectionResult> }>} */
const plan = [
  // Cheap, deterministic parts first; the root build last, so it takes what is left of the budget.
  { id: "2", title: "2. Bundle and installed size", run: () => runSizes({ quick }) },
  { id: "3", title: "3. Waiting: requests and detection delay (simulated clock)", run: () => runWaitSimulation({ quick }) },
  { id: "1", title: "1. Per-call time of getJob", run: () => runPerCall({ quick }) },
  { id: "4", title: "4. 10,000 concurrent waits in one process", run: () => runConcurrentWaits({ quick, deadline }) },
  { id: "5", title: "5. Build: cold and warm", run: () => runBuildTiming({ quick, deadline }) },
];

/** @type {import("./report/render-report.js").SectionRun[]} */
const sections = [];
for (const section of plan.filter((s) => only.includes(s.id))) {
  const t0 = performance.now();
  const loadBefore = currentLoad();
  console.error(`[bench] ${section.title} …`);
  /** @type {import("./report/render-report.js").SectionRun} */
  const entry = { title: section.title, result: undefined, error: undefined, seconds: 0, loadBefore, loadAfter: loadBefore };
  try {
    entry.result = await section.run();
    entry.title = entry.result.title;
  } catch (error) {
    entry.error = error instanceof Error ? error : new BenchError("UNKNOWN", String(error));
    console.error(`[bench] ${section.title} FAILED:`, error);
  }
  entry.seconds = (performance.now() - t0) / 1000;
  entry.loadAfter = currentLoad();
  console.error(`[bench] ${section.title}: ${entry.error ? "failed" : "done"} in ${entry.seconds.toFixed(1)} s`);
  sections.push(entry);
}
sections.sort((a, b) => a.title.localeCompare(b.title, "en", { numeric: true }));

const seconds = (performance.now() - started) / 1000;
const markdown = renderReport({ quick, startedAt, seconds, machine, versions: packageVersions(), sections });
await mkdir(dirname(out), { recursive: true });
await writeFile(out, markdown);
const failed = sections.filter((s) => s.error !== undefined);
const missed = sections.flatMap((s) => s.result?.goals ?? []).filter((g) => !g.met);
console.error(`[bench] report written to ${out} (${seconds.toFixed(0)} s); ${failed.length} section(s) failed, ${missed.length} goal(s) missed`);
if (failed.length > 0) process.exitCode = 1;
// The official SDK's log4js and keep-alive sockets may hold the event loop open; the work is done.
process.exit();

#!/usr/bin/env node
// Runs the measurements and writes the report:
//   node src/run.js            full run (≤ 5 minutes), writes packages/bench/RESULTS.md
//   node src/run.js --quick    seconds, a smoke test for the test line; report to a temp file
//   node src/run.js --only=1,3 --out=/tmp/r.md
// A section that breaks (a contender throws, a size cannot be computed, the
// watcher exceeds its cap, the build fails) is reported and makes the exit code 1.
import { mkdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { parseArgs } from "node:util";
import { runBuildTiming } from "./build.js";
import { runDocsPages } from "./docs-pages.js";
import { BenchError, currentLoad, describeMachine, packageVersions, renderReport, RESULTS_FILE } from "./lib/report.js";
import { runPerCall } from "./per-call/run-per-call.js";
import { runSizes } from "./sizes/run-sizes.js";
import { runWaitSimulation } from "./wait.js";
import { runConcurrentWaits } from "./watcher/run-concurrent-waits.js";

const SECTION_IDS = ["1", "2", "3", "4", "5", "6"];
const USAGE = `usage: node src/run.js [--quick] [--out=FILE] [--only=${SECTION_IDS.join(",")}]`;

/** The whole default run should end within this (the 5 minutes, with a margin). */
const FULL_RUN_BUDGET_MS = 285_000;

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
const only = values.only.split(",");
// --quick never overwrites RESULTS.md unless asked to.
const out = values.out ?? (quick ? join(tmpdir(), "cloud-jobs-bench-quick", "RESULTS.md") : RESULTS_FILE);
const started = performance.now();
const startedAt = new Date();
const deadline = started + FULL_RUN_BUDGET_MS;
const machine = describeMachine();

/** @type {Array<{ id: string, title: string, run: () => Promise<import("./lib/report.js").SectionResult> }>} */
const plan = [
  // Cheap, deterministic parts first; the root build last, so it takes what is left of the budget.
  { id: "2", title: "2. Bundle and installed size", run: () => runSizes({ quick }) },
  { id: "3", title: "3. Waiting: requests and detection delay (simulated clock)", run: () => runWaitSimulation({ quick }) },
  { id: "1", title: "1. Per-call time of getJob", run: () => runPerCall({ quick }) },
  { id: "4", title: "4. 10,000 concurrent waits in one process", run: () => runConcurrentWaits({ quick, deadline }) },
  { id: "6", title: "6. Docs pages: size and first paint", run: () => runDocsPages({ quick }) },
  { id: "5", title: "5. Build: cold and warm", run: () => runBuildTiming({ quick, deadline }) },
];

/** @type {import("./lib/report.js").SectionRun[]} */
const sections = [];
for (const section of plan.filter((s) => only.includes(s.id))) {
  const t0 = performance.now();
  const loadBefore = currentLoad();
  console.error(`[bench] ${section.title} …`);
  /** @type {import("./lib/report.js").SectionRun} */
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

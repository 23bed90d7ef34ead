// What every section returns, how figures are written (always "median [p25–p75]", with the
// unit once), the machine and versions a report was made with, and RESULTS.md itself.
import { readFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, release, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * A benchmark that could not produce its figure: a contender threw, a size
 * could not be computed, a cap was exceeded. The run reports it and exits
 * non-zero, in `--quick` mode too, so the test line catches a broken bench.
 */
export class BenchError extends Error {
  /**
   * @param {string} code short machine-readable reason, e.g. "CONTENDER_FAILED"
   * @param {string} message what went wrong, in words
   * @param {Record<string, unknown>} [context] what is needed to act on it (never secrets)
   * @param {unknown} [cause]
   */
  constructor(code, message, context = {}, cause = undefined) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "BenchError";
    this.code = code;
    this.context = context;
  }
}

/** Directory of packages/bench. */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Repository root (where `pnpm build` runs). */
export const REPO_ROOT = join(BENCH_DIR, "..", "..");

/** The default report. */
export const RESULTS_FILE = join(BENCH_DIR, "RESULTS.md");

/**
 * Directory of a package as the bench sees it (its own node_modules first, then the root's).
 * @param {string} name
 * @param {"bench" | "root"} [from]
 */
export function packageDir(name, from = "bench") {
  return join(from === "bench" ? BENCH_DIR : REPO_ROOT, "node_modules", name);
}

/**
 * @typedef {object} Goal
 * @property {string} item which issue item, e.g. "1. per-call"
 * @property {string} goal the goal in the issue's words
 * @property {string} measured the figure it is judged on
 * @property {boolean} met
 */

/**
 * @typedef {object} SectionResult
 * @property {string} title
 * @property {string} markdown body of the section in RESULTS.md
 * @property {Goal[]} goals
 * @property {string} [skipped] why the section did not run (not a failure)
 */

/**
 * A section that did not run on purpose (e.g. the root build in --quick mode).
 * @param {string} title
 * @param {string} reason
 * @returns {SectionResult}
 */
export function skippedSection(title, reason) {
  return { title, markdown: `_Skipped: ${reason}_`, goals: [], skipped: reason };
}

/** @typedef {import("./measure.js").Summary} Summary */

/**
 * Formats a number with `digits` significant-looking decimals, dropping trailing noise.
 * @param {number} value
 * @param {number} [decimals]
 */
export function num(value, decimals = 2) {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * "median [p25–p75] unit" for a summary, each value passed through `scale` first.
 * @param {Summary} s
 * @param {{ decimals?: number, unit?: string, scale?: (v: number) => number }} [options]
 */
export function spread(s, { decimals = 2, unit = "", scale = (v) => v } = {}) {
  const u = ["", "×", "%", "/s"].includes(unit) ? unit : ` ${unit}`;
  return `${num(scale(s.median), decimals)}${u} [${num(scale(s.p25), decimals)}–${num(scale(s.p75), decimals)}]`;
}

/**
 * Bytes as KB (1 KB = 1000 bytes, the unit bundle-size tools use) or MB.
 * @param {number} bytes
 */
export function bytes(bytes) {
  if (bytes >= 1_000_000) return `${num(bytes / 1_000_000, 1)} MB`;
  return `${num(bytes / 1000, 2)} KB`;
}

/**
 * A markdown table.
 * @param {readonly string[]} header
 * @param {readonly (readonly string[])[]} rows
 */
export function table(header, rows) {
  const line = (/** @type {readonly string[]} */ cells) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** @param {boolean} met */
export function verdict(met) {
  return met ? "met" : "**MISSED**";
}

/** CPU, cores, memory, OS, Node and the load average when asked. */
export function describeMachine() {
  const cpu = cpus();
  return {
    cpuModel: cpu[0]?.model.trim() ?? "unknown",
    cores: cpu.length,
    memoryGiB: totalmem() / 1024 ** 3,
    os: `${platform()} ${release()} ${arch()}`,
    node: process.version,
    loadAverage: loadavg(),
  };
}

/** The 1-minute load average now: other processes competing for the cores. */
export function currentLoad() {
  return /** @type {number} */ (loadavg()[0]);
}

/** @type {ReadonlyArray<readonly [string, "bench" | "root"]>} */
const PACKAGES = [
  ["@cloud-jobs/client", "bench"],
  ["@cloud-jobs/mock-server", "bench"],
  ["openapi-fetch", "bench"],
  ["@huaweicloud/huaweicloud-sdk-core", "bench"],
  ["@huaweicloud/huaweicloud-sdk-ecs", "bench"],
  ["esbuild", "bench"],
  ["tinybench", "bench"],
  ["typescript", "bench"],
  ["turbo", "root"],
  ["pnpm", "root"],
];

/**
 * Version of each package the figures depend on, read from its installed package.json.
 * @returns {Array<{ name: string, version: string }>}
 */
export function packageVersions() {
  return PACKAGES.map(([name, from]) => {
    try {
      const manifest = JSON.parse(readFileSync(join(packageDir(name, from), "package.json"), "utf8"));
      return { name, version: String(manifest.version) };
    } catch {
      return { name, version: "not installed" };
    }
  });
}

/**
 * @typedef {object} SectionRun
 * @property {SectionResult | undefined} result
 * @property {string} title
 * @property {Error | undefined} error
 * @property {number} seconds
 * @property {number} loadBefore 1-minute load average when the section started
 * @property {number} loadAfter
 */

/**
 * @param {{ quick: boolean, startedAt: Date, seconds: number,
 *   machine: ReturnType<typeof describeMachine>,
 *   versions: ReturnType<typeof packageVersions>,
 *   sections: SectionRun[] }} report
 */
export function renderReport({ quick, startedAt, seconds, machine, versions, sections }) {
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
      ["CPU", machine.cpuModel],
      ["cores", String(machine.cores)],
      ["memory", `${num(machine.memoryGiB, 1)} GiB`],
      ["OS", machine.os],
      ["Node", machine.node],
      ["load average (1/5/15 min) at start", machine.loadAverage.map((l) => num(l, 2)).join(" / ")],
    ]),
    "",
    busiest > machine.cores
      ? `**The machine was busy:** the 1-minute load average reached ${num(busiest, 1)} on ${machine.cores} cores during the run (other processes competing for the CPU). Absolute times are inflated; the ratios come from interleaved rounds and hold better, and the per-call table also gives client CPU time, which waiting for a core does not inflate.`
      : `The 1-minute load average stayed at or below ${num(busiest, 1)} on ${machine.cores} cores during the run.`,
    "",
    "## Versions",
    "",
    table(["package", "version"], versions.map((v) => [v.name, v.version])),
    "",
    "## Goals",
    "",
    goals.length === 0 ? "_No goal was measured in this run._" : table(["item", "goal", "measured", "verdict"], goals.map((g) => [g.item, g.goal, g.measured, verdict(g.met)])),
    "",
    missed.length === 0
      ? goals.length === 0 ? "" : `All ${goals.length} goals met.`
      : `**${missed.length} of ${goals.length} goals missed:** ${missed.map((g) => `${g.goal} (measured ${g.measured})`).join("; ")}.`,
    ...(failed.length > 0 ? ["", `**${failed.length} section(s) failed** and produced no figures: ${failed.map((s) => s.title).join(", ")}.`] : []),
  ];
  for (const s of sections) {
    lines.push("", `## ${s.title}`, "", `_${num(s.seconds, 0)} s; 1-minute load average ${num(s.loadBefore, 1)} at start, ${num(s.loadAfter, 1)} at end._`, "");
    if (s.error !== undefined) lines.push(`**FAILED:** ${s.error.message}`);
    else if (s.result !== undefined) lines.push(s.result.markdown);
  }
  return `${lines.join("\n")}\n`;
}

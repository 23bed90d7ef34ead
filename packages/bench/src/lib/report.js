// What every section returns and how figures are written in RESULTS.md: always
// "median [p25–p75]", with the unit once.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Directory of packages/bench, and the repository root (where `pnpm build` runs). */
export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const REPO_ROOT = join(BENCH_DIR, "..", "..");

/**
 * A benchmark that could not produce its figure: a contender threw, a size could not be
 * computed, a cap was exceeded. The run reports it and exits non-zero, in `--quick` mode
 * too, so the test line catches a broken bench. `code` is short and machine-readable
 * ("CONTENDER_FAILED"); `context` holds what is needed to act on it, never secrets.
 */
export class BenchError extends Error {
  /** @param {string} code @param {string} message @param {Record<string, unknown>} [context] @param {unknown} [cause] */
  constructor(code, message, context = {}, cause = undefined) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "BenchError";
    this.code = code;
    this.context = context;
  }
}

/**
 * What a section returns. A goal is one of the issue's, with the figure it is judged on;
 * `skipped` says why a section did not run on purpose (not a failure).
 * @typedef {{ item: string, goal: string, measured: string, met: boolean }} Goal
 * @typedef {{ title: string, markdown: string, goals: Goal[], skipped?: string }} SectionResult
 */

/** @param {string} title @param {string} reason @returns {SectionResult} */
export function skippedSection(title, reason) {
  return { title, markdown: `_Skipped: ${reason}_`, goals: [], skipped: reason };
}

/** `value` with exactly `decimals` decimals, thousands separated. @param {number} value @param {number} [decimals] */
export function num(value, decimals = 2) {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/**
 * "median [p25–p75] unit" for a summary, each value passed through `scale` first.
 * @param {import("./measure.js").Summary} s @param {{ decimals?: number, unit?: string, scale?: (v: number) => number }} [options]
 */
export function spread(s, { decimals = 2, unit = "", scale = (v) => v } = {}) {
  const u = ["", "×", "%", "/s"].includes(unit) ? unit : ` ${unit}`;
  return `${num(scale(s.median), decimals)}${u} [${num(scale(s.p25), decimals)}–${num(scale(s.p75), decimals)}]`;
}

/** Bytes as KB (1 KB = 1000 bytes, the unit bundle-size tools use) or MB. @param {number} n */
export function bytes(n) {
  return n >= 1_000_000 ? `${num(n / 1_000_000, 1)} MB` : `${num(n / 1000, 2)} KB`;
}

/** A markdown table. @param {readonly string[]} header @param {readonly (readonly string[])[]} rows */
export function table(header, rows) {
  const line = (/** @type {readonly string[]} */ cells) => `| ${cells.map((c) => c.replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** @param {boolean} met */
export function verdict(met) {
  return met ? "met" : "**MISSED**";
}

// What every section returns, and how RESULTS.md writes figures: "median [p25–p75] unit".
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const REPO_ROOT = join(BENCH_DIR, "..", "..");

/** A figure that could not be produced; the run reports it and exits non-zero, `--quick` too. `context`: never secrets. */
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
 * @typedef {{ item: string, goal: string, measured: string, met: boolean }} Goal
 * @typedef {{ title: string, markdown: string, goals: Goal[] }} SectionResult
 */

/** `value` with exactly `decimals` decimals, thousands separated. @param {number} value @param {number} [decimals] */
export function num(value, decimals = 2) {
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** @param {import("./measure.js").Summary} s @param {{ decimals?: number, unit?: string, scale?: (v: number) => number }} [options] */
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

// How figures are written in RESULTS.md: always "median [p25–p75]", with the unit once.

/** @typedef {import("./stats.js").Summary} Summary */

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

// Command-line options of `node src/run.js`.
import { join } from "node:path";
import { tmpdir } from "node:os";
import { BenchError } from "./lib/bench-error.js";
import { RESULTS_FILE } from "./lib/paths.js";

/** Section numbers, as in the issue. */
export const SECTION_IDS = ["1", "2", "3", "4", "5"];

/**
 * @typedef {object} BenchArgs
 * @property {boolean} quick tiny runs, seconds in all: a smoke test with no timing assertions
 * @property {string} out where the report goes (never RESULTS.md in --quick mode unless asked)
 * @property {string[]} only sections to run
 */

/**
 * @param {readonly string[]} argv arguments after the script
 * @returns {BenchArgs}
 */
export function parseArgs(argv) {
  let quick = false;
  /** @type {string | undefined} */
  let out;
  let only = SECTION_IDS;
  for (const arg of argv) {
    if (arg === "--quick") quick = true;
    else if (arg.startsWith("--out=")) out = arg.slice("--out=".length);
    else if (arg.startsWith("--only=")) only = arg.slice("--only=".length).split(",");
    else if (arg === "--help") throw new BenchError("USAGE", "usage: node src/run.js [--quick] [--out=FILE] [--only=1,2,3,4,5]");
    else throw new BenchError("USAGE", `unknown argument ${arg} (try --help)`);
  }
  const unknown = only.find((id) => !SECTION_IDS.includes(id));
  if (unknown !== undefined) throw new BenchError("USAGE", `--only: no section ${unknown} (sections: ${SECTION_IDS.join(", ")})`);
  const defaultOut = quick ? join(tmpdir(), "cloud-jobs-bench-quick", "RESULTS.md") : RESULTS_FILE;
  return { quick, out: out ?? defaultOut, only };
}

// Where things are, from this file: the bench package, the repository root and their node_modules.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

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

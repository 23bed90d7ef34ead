import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * vitest global setup: the end-to-end tests spawn `bin/cloud-jobs.js`, which
 * runs `dist/`. Refuse to test a missing or stale build rather than report
 * results about old code. turbo's `test` task builds first (turbo.json).
 */
export default function checkBuild(): void {
  let built: number;
  try {
    built = statSync(join(root, "dist", "main.js")).mtimeMs;
  } catch {
    throw new Error("packages/cli/dist is missing: run `pnpm --filter @cloud-jobs/cli build` (turbo's test task does it for you)");
  }
  if (newestSource(join(root, "src")) > built) {
    throw new Error("packages/cli/dist is older than src/: run `pnpm --filter @cloud-jobs/cli build` (turbo's test task does it for you)");
  }
}

// Loads src/wait/ for the wait scripts, bundled from source by esbuild (a dev
// dependency), so they measure the code as it is now without a build step.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/** Imports `src/wait/index.ts`; the bundle lives in a temporary directory removed right after loading. */
export async function loadWaitModule() {
  const dir = await mkdtemp(join(tmpdir(), "cloud-jobs-wait-"));
  const outfile = join(dir, "wait.mjs");
  try {
    await build({
      entryPoints: [fileURLToPath(new URL("../src/wait/index.ts", import.meta.url))],
      bundle: true,
      format: "esm",
      platform: "node",
      outfile,
      logLevel: "warning",
    });
    return await import(pathToFileURL(outfile).href);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// The machine and the versions a report was made with, so that figures from
// two runs are only compared when they came from comparable setups.
import { readFileSync } from "node:fs";
import { arch, cpus, loadavg, platform, release, totalmem } from "node:os";
import { join } from "node:path";
import { packageDir } from "./paths.js";

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

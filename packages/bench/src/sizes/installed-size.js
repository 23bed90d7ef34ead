// Installed size: what `npm install <package>` puts on disk for the package and
// its production dependencies (dependencies + optionalDependencies, recursively,
// each counted once). Dependencies are found the way Node finds them — the
// nearest node_modules/<name> walking up from the dependent's real directory —
// so pnpm's symlinked layout is followed. Two sizes: apparent (sum of file
// lengths, independent of the file system) and on disk (allocated blocks, what
// `du` reports; larger for packages made of many small files).
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { BenchError } from "../lib/report.js";

/** @typedef {{ bytes: number, diskBytes: number, files: number }} Size */

/** Sizes of the given files. @param {string[]} paths @returns {Size} */
function filesSize(paths) {
  let bytes = 0;
  let diskBytes = 0;
  for (const path of paths) {
    const stat = lstatSync(path);
    bytes += stat.size;
    diskBytes += stat.blocks * 512;
  }
  return { bytes, diskBytes, files: paths.length };
}

/** Files under `dir`, skipping nested node_modules (dependencies are counted separately). @param {string} dir @returns {string[]} */
function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.name === "node_modules") return [];
    if (entry.isDirectory()) return listFiles(path);
    return entry.isFile() ? [path] : [];
  });
}

/** Where Node would find `name` when required from a module in `fromDir`. @param {string} name @param {string} fromDir */
function findPackage(name, fromDir) {
  for (let dir = fromDir; dir !== dirname(dir); dir = dirname(dir)) {
    if (basename(dir) === "node_modules") continue;
    const candidate = join(dir, "node_modules", name);
    if (existsSync(join(candidate, "package.json"))) return realpathSync(candidate);
  }
  throw new BenchError("SIZE_FAILED", `cannot find dependency ${name} from ${fromDir}`, { name });
}

/** @param {string} dir */
function manifest(dir) {
  return JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
}

/**
 * Size of a package's production dependency closure, with the list of packages counted.
 * @param {string} packageDir the package's directory
 * @param {{ ownSize?: Size, extraDependencies?: string[] }} [options]
 *   `ownSize` replaces the package's own directory size (for a workspace package, its packed files);
 *   `extraDependencies` are required at run time but not declared (the SDK's uuid).
 */
export function installedSize(packageDir, { ownSize, extraDependencies = [] } = {}) {
  const root = realpathSync(packageDir);
  const seen = /** @type {Map<string, { name: string, version: string } & Size>} */ (new Map());
  /** @param {string} dir @param {string[]} extra */
  const visit = (dir, extra) => {
    if (seen.has(dir)) return;
    const m = manifest(dir);
    const size = dir === root && ownSize !== undefined ? ownSize : filesSize(listFiles(dir));
    seen.set(dir, { name: m.name, version: m.version, ...size });
    for (const dep of [...Object.keys(m.dependencies ?? {}), ...Object.keys(m.optionalDependencies ?? {}), ...extra]) {
      let found;
      try {
        found = findPackage(dep, dir);
      } catch (error) {
        if (dep in (m.optionalDependencies ?? {})) continue; // optional and not installed on this platform
        throw error;
      }
      visit(found, []);
    }
  };
  visit(root, extraDependencies);
  const packages = [...seen.values()];
  const sum = (/** @type {"bytes" | "diskBytes" | "files"} */ key) => packages.reduce((s, p) => s + p[key], 0);
  return { bytes: sum("bytes"), diskBytes: sum("diskBytes"), files: sum("files"), packages };
}

/** Size of the files `npm pack` would publish for a workspace package (what an install unpacks). @param {string} packageDir @returns {Size} */
export function packedSize(packageDir) {
  let out;
  try {
    out = execFileSync("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: packageDir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (error) {
    throw new BenchError("SIZE_FAILED", `npm pack --dry-run failed in ${packageDir}`, {}, error);
  }
  const [info] = JSON.parse(out);
  if (!Array.isArray(info?.files) || info.files.length === 0) throw new BenchError("SIZE_FAILED", "npm pack listed no files", { packageDir });
  return filesSize(info.files.map((/** @type {{ path: string }} */ f) => join(packageDir, f.path)));
}

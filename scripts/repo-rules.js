// The rules of the repository itself, as functions over file contents so that
// scripts/test/ can feed them broken inputs: the README's two opening lines,
// the pinned pnpm, and what must never be committed.

/** A broken repository rule: `rule` names it, `message` says what to fix. */
export class RepoRuleError extends Error {
  /** @param {string} rule @param {string} message */
  constructor(rule, message) {
    super(`${rule}: ${message}`);
    this.name = "RepoRuleError";
    this.rule = rule;
  }
}

/**
 * Hosts of package registries, which no committed file may name (pnpm's lockfile records none).
 * Assembled from parts so that this file does not name them either.
 */
export const REGISTRY_HOSTS = [
  ["registry", "npmjs", "org"],
  ["registry", "yarnpkg", "com"],
  ["registry", "npmmirror", "com"],
  ["npm", "pkg", "github", "com"],
].map((parts) => parts.join("."));

/** Lockfiles of other package managers: this is a pnpm workspace. */
export const FOREIGN_LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "bun.lockb", "bun.lock"];

/**
 * The two lines of the README's opening code block: `{ start, test }`.
 * The README must begin with a title, then at once a fenced block of exactly two lines,
 * each standing alone: install with the pinned pnpm, then `start` / `test`.
 * @param {string} readme
 * @param {string} packageManager the root package.json's `packageManager`, e.g. `pnpm@10.34.9`
 * @returns {{ start: string, test: string }}
 */
export function readmeCommands(readme, packageManager) {
  const pinned = /^pnpm@(\d+\.\d+\.\d+)$/.exec(packageManager ?? "");
  if (!pinned) throw new RepoRuleError("package-manager", `packageManager must pin an exact pnpm version, found ${JSON.stringify(packageManager)}`);
  const lines = readme.split(/\r?\n/);
  const firstContent = lines.findIndex((l) => l.trim() !== "" && !l.startsWith("# "));
  if (firstContent === -1 || !/^```/.test(lines[firstContent] ?? "")) {
    throw new RepoRuleError("readme-opening", "README.md must open (after its title) with a fenced code block");
  }
  const close = lines.findIndex((l, i) => i > firstContent && /^```\s*$/.test(l));
  if (close === -1) throw new RepoRuleError("readme-opening", "the README's opening code block is not closed");
  const block = lines.slice(firstContent + 1, close);
  if (block.length !== 2 || block.some((l) => l.trim() === "")) {
    throw new RepoRuleError("readme-opening", `the README's opening code block must hold exactly two lines, found ${block.length}`);
  }
  const pnpm = `npx --yes pnpm@${pinned[1]}`;
  const [start, test] = /** @type {[string, string]} */ (block);
  for (const [name, line] of /** @type {const} */ ([["start", start], ["test", test]])) {
    if (!line.startsWith(`${pnpm} install`)) {
      throw new RepoRuleError("readme-opening", `the ${name} line must install with the pinned pnpm (start with "${pnpm} install"): ${line}`);
    }
    if (!new RegExp(`&& ${escapeRegExp(pnpm)} (run )?${name}$`).test(line)) {
      throw new RepoRuleError("readme-opening", `the ${name} line must end by running "${pnpm} ${name}": ${line}`);
    }
  }
  return { start, test };
}

/**
 * The committed files that break a rule: a foreign lockfile, or a registry host named in the text.
 * @param {Iterable<[path: string, text: string]>} files tracked files with their contents
 * @returns {string[]} one readable line per problem
 */
export function committedFileProblems(files) {
  const problems = [];
  for (const [path, text] of files) {
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (FOREIGN_LOCKFILES.includes(base)) problems.push(`${path}: a lockfile of another package manager (this is a pnpm workspace)`);
    for (const host of REGISTRY_HOSTS) {
      const at = text.indexOf(host);
      if (at !== -1) problems.push(`${path}:${text.slice(0, at).split("\n").length}: names the registry host ${host}`);
    }
  }
  return problems;
}

/** @param {string} s */
function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

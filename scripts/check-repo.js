#!/usr/bin/env node
// The repository's own rules, as functions over file contents so that scripts/test/ can feed them broken inputs:
// the README's two opening lines, the pinned pnpm, and what must never be committed. `node scripts/check-repo.js`
// checks the working tree (run by `pnpm test`, turbo task //#check-repo; exit 1 with one line per problem);
// `node scripts/check-repo.js test` prints the README's test line, checked, which `.ci/run` evaluates.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

/** A broken repository rule: `rule` names it, `message` says what to fix. */
export class RepoRuleError extends Error {
  /** @param {string} rule @param {string} message */
  constructor(rule, message) {
    super(`${rule}: ${message}`);
    this.name = "RepoRuleError";
    this.rule = rule;
  }
}

/** Hosts of package registries, which no committed file may name (pnpm's lockfile records none); assembled so that this file names none either. */
export const REGISTRY_HOSTS = [
  ["registry", "npmjs", "org"],
  ["registry", "yarnpkg", "com"],
  ["registry", "npmmirror", "com"],
  ["npm", "pkg", "github", "com"],
].map((parts) => parts.join("."));

/** Lockfiles of other package managers: this is a pnpm workspace. */
export const FOREIGN_LOCKFILES = ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "bun.lockb", "bun.lock"];

/**
 * The two lines of the README's opening code block: `{ start, test }`. The README must begin with a title, then at
 * once a fenced block of exactly two lines, each standing alone: install with the pinned pnpm, then `start` / `test`.
 * @param {string} readme
 * @param {string} packageManager the root package.json's `packageManager`, e.g. `pnpm@10.34.9`
 * @returns {{ start: string, test: string }}
 */
export function readmeCommands(readme, packageManager) {
  const pinned = /^pnpm@(\d+\.\d+\.\d+)$/.exec(packageManager ?? "");
  if (!pinned) throw new RepoRuleError("package-manager", `packageManager must pin an exact pnpm version, found ${JSON.stringify(packageManager)}`);
  const lines = readme.split(/\r?\n/);
  const open = lines.findIndex((l) => l.trim() !== "" && !l.startsWith("# "));
  if (!/^```/.test(lines[open] ?? "")) throw new RepoRuleError("readme-opening", "README.md must open (after its title) with a fenced code block");
  const close = lines.findIndex((l, i) => i > open && /^```\s*$/.test(l));
  if (close === -1) throw new RepoRuleError("readme-opening", "the README's opening code block is not closed");
  const block = lines.slice(open + 1, close);
  if (block.length !== 2 || block.some((l) => l.trim() === "")) {
    throw new RepoRuleError("readme-opening", `the README's opening code block must hold exactly two lines, found ${block.length}`);
  }
  const pnpm = `npx --yes pnpm@${pinned[1]}`;
  const [start = "", test = ""] = block;
  for (const [name, line] of [["start", start], ["test", test]]) {
    if (!line.startsWith(`${pnpm} install`)) throw new RepoRuleError("readme-opening", `the ${name} line must install with the pinned pnpm (start with "${pnpm} install"): ${line}`);
    if (![`&& ${pnpm} ${name}`, `&& ${pnpm} run ${name}`].some((end) => line.endsWith(end))) {
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
    if (FOREIGN_LOCKFILES.includes(path.slice(path.lastIndexOf("/") + 1))) problems.push(`${path}: a lockfile of another package manager (this is a pnpm workspace)`);
    for (const host of REGISTRY_HOSTS.filter((h) => text.includes(h))) problems.push(`${path}:${text.slice(0, text.indexOf(host)).split("\n").length}: names the registry host ${host}`);
  }
  return problems;
}

/** @param {string | undefined} print `start` or `test` to print that line instead of checking */
function main(print) {
  if (print !== undefined && print !== "start" && print !== "test") return (console.error("usage: node scripts/check-repo.js [start|test]"), 2);
  const root = fileURLToPath(new URL("..", import.meta.url));
  const read = (/** @type {string} */ path) => readFileSync(root + path, "utf8");
  const problems = [];
  try {
    const commands = readmeCommands(read("README.md"), JSON.parse(read("package.json")).packageManager);
    if (print) return (console.log(commands[print]), 0);
  } catch (error) {
    if (!(error instanceof RepoRuleError)) throw error;
    if (print) return (console.error(`check-repo: ${error.message}`), 2);
    problems.push(error.message);
  }
  const tracked = execFileSync("git", ["ls-files", "-z", "--cached"], { cwd: root, encoding: "utf8" }).split("\0").filter((path) => path !== "");
  function* contents() {
    for (const path of tracked) {
      try {
        yield /** @type {[string, string]} */ ([path, read(path)]);
      } catch {} // deleted in the working tree, or not a regular file
    }
  }
  problems.push(...committedFileProblems(contents()));
  for (const p of problems) console.error(`check-repo: ${p}`);
  if (problems.length === 0) console.log(`check-repo: README opens with the start and test lines; ${tracked.length} files name no registry host; no foreign lockfile`);
  return problems.length > 0 ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exitCode = main(process.argv[2]);

#!/usr/bin/env node
// Checks the repository's own rules (scripts/repo-rules.js) on the working tree:
// the README's two opening lines and the files git tracks. Run by `pnpm test`
// (turbo task //#check-repo). Exits 1 with one line per problem.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RepoRuleError, committedFileProblems, readmeCommands } from "./repo-rules.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const problems = [];

try {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  readmeCommands(readFileSync(join(root, "README.md"), "utf8"), packageManager);
} catch (error) {
  if (!(error instanceof RepoRuleError)) throw error;
  problems.push(error.message);
}

const tracked = execFileSync("git", ["ls-files", "-z", "--cached"], { cwd: root, encoding: "utf8" })
  .split("\0")
  .filter((path) => path !== "");
function* contents() {
  for (const path of tracked) {
    let text;
    try {
      text = readFileSync(join(root, path), "utf8");
    } catch {
      continue; // deleted in the working tree, or not a regular file
    }
    yield [path, text];
  }
}
problems.push(...committedFileProblems(contents()));

if (problems.length > 0) {
  for (const p of problems) console.error(`check-repo: ${p}`);
  process.exit(1);
}
console.log(`check-repo: README opens with the start and test lines; ${tracked.length} files name no registry host; no foreign lockfile`);

#!/usr/bin/env node
// Prints one of the README's two opening lines, checked: `start` or `test`.
// `.ci/run` evaluates the `test` line with it, so CI runs exactly what a newcomer runs.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { RepoRuleError, readmeCommands } from "./repo-rules.js";

const which = process.argv[2];
if (which !== "start" && which !== "test") {
  console.error("usage: node scripts/readme-command.js start|test");
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
try {
  const { packageManager } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  console.log(readmeCommands(readFileSync(join(root, "README.md"), "utf8"), packageManager)[which]);
} catch (error) {
  if (!(error instanceof RepoRuleError)) throw error;
  console.error(`readme-command: ${error.message}`);
  process.exit(2);
}

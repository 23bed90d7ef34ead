import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { REGISTRY_HOSTS, RepoRuleError, committedFileProblems, readmeCommands } from "../check-repo.js";

const PM = "pnpm@10.34.9";
const START = "npx --yes pnpm@10.34.9 install --frozen-lockfile && npx --yes pnpm@10.34.9 start";
const TEST = "npx --yes pnpm@10.34.9 install --frozen-lockfile && npx --yes pnpm@10.34.9 test";
const readme = (...block) => ["# cloud-jobs", "", "```sh", ...block, "```", "", "More text.", "```", "not this", "```"].join("\n");

/** @param {() => unknown} fn @param {RegExp} message */
function rejects(fn, message) {
  assert.throws(fn, (error) => error instanceof RepoRuleError && message.test(error.message));
}

test("reads the start and test lines of a well-formed README", () => {
  assert.deepEqual(readmeCommands(readme(START, TEST), PM), { start: START, test: TEST });
  assert.deepEqual(readmeCommands(readme(START, TEST).replace(/\n/g, "\r\n"), PM), { start: START, test: TEST });
});

test("accepts `pnpm run test` as well as `pnpm test`", () => {
  const runTest = TEST.replace(/ test$/, " run test");
  assert.equal(readmeCommands(readme(START, runTest), PM).test, runTest);
});

test("refuses a README that does not open with the code block", () => {
  rejects(() => readmeCommands(["# cloud-jobs", "", "Intro first.", "", "```sh", START, TEST, "```"].join("\n"), PM), /must open .* fenced code block/);
  rejects(() => readmeCommands(["# cloud-jobs", "", "```sh", START, TEST].join("\n"), PM), /not closed/);
});

test("refuses one line, three lines, or a blank line in the block", () => {
  rejects(() => readmeCommands(readme(START), PM), /exactly two lines, found 1/);
  rejects(() => readmeCommands(readme(START, TEST, "echo done"), PM), /exactly two lines, found 3/);
  rejects(() => readmeCommands(readme(START, ""), PM), /exactly two lines/);
});

test("refuses lines in the wrong order, or that do not install first", () => {
  rejects(() => readmeCommands(readme(TEST, START), PM), /start line must end by running/);
  rejects(() => readmeCommands(readme("npx --yes pnpm@10.34.9 start", TEST), PM), /start line must install/);
  rejects(() => readmeCommands(readme(START, "pnpm install && pnpm test"), PM), /test line must install with the pinned pnpm/);
});

test("refuses a pnpm version other than packageManager's, and an unpinned packageManager", () => {
  rejects(() => readmeCommands(readme(START, TEST), "pnpm@10.35.0"), /start line must install with the pinned pnpm \(start with "npx --yes pnpm@10.35.0 install"\)/);
  rejects(() => readmeCommands(readme(START, TEST), "pnpm@10"), /exact pnpm version/);
  rejects(() => readmeCommands(readme(START, TEST), undefined), /exact pnpm version/);
});

test("finds a registry host in a committed file, with its line, and a foreign lockfile", () => {
  const host = REGISTRY_HOSTS[0];
  const problems = committedFileProblems([
    ["README.md", "fine"],
    [".npmrc", `engine-strict=true\nregistry=https://${host}/\n`],
    ["packages/x/package-lock.json", "{}"],
  ]);
  assert.deepEqual(problems, [
    `.npmrc:2: names the registry host ${host}`,
    "packages/x/package-lock.json: a lockfile of another package manager (this is a pnpm workspace)",
  ]);
  assert.deepEqual(committedFileProblems([["pnpm-lock.yaml", "lockfileVersion: '9.0'\n  is-finalizationregistry@1.1.1:\n"]]), []);
});

test("the check passes on this repository, and prints the test line .ci/run evaluates", () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const out = execFileSync(process.execPath, ["scripts/check-repo.js"], { cwd: root, encoding: "utf8" });
  assert.match(out, /check-repo: README opens with the start and test lines/);
  const testLine = execFileSync(process.execPath, ["scripts/check-repo.js", "test"], { cwd: root, encoding: "utf8" }).trim();
  assert.match(testLine, / test$/);
  assert.throws(() => execFileSync(process.execPath, ["scripts/check-repo.js", "lint"], { cwd: root, stdio: "pipe" }), (e) => e.status === 2);
});

import { describe, expect, it } from "vitest";
import { PROJECT_ID, TOKEN, UNKNOWN_JOB_ID, runCli } from "./support/harness.js";

// None of these runs reaches a server: each is refused before any request.
const env = { OS_AUTH_TOKEN: TOKEN, OS_PROJECT_ID: PROJECT_ID };

describe("usage errors exit 2", () => {
  const cases: Array<[string, string[], Record<string, string> | undefined, RegExp]> = [
    ["no command", [], undefined, /Usage: cloud-jobs/],
    ["an unknown command", ["list"], undefined, /unknown command 'list'/],
    ["an unknown option", ["get", "x", "--service", "ecs", "--colour"], undefined, /unknown option '--colour'/],
    ["a missing --service", ["get", UNKNOWN_JOB_ID], undefined, /required option '--service <name>' not specified/],
    ["an unknown --service", ["get", "x", "--service", "rds"], undefined, /Allowed choices are ecs, bms, evs, vbs/],
    ["an unknown --cloud", ["get", "x", "--service", "ecs", "--cloud", "aws"], undefined, /Allowed choices are otc, huaweicloud/],
    ["a --timeout without unit", ["wait", UNKNOWN_JOB_ID, "--service", "ecs", "--timeout", "30"], undefined, /--timeout "30" is not a duration/],
    ["no credentials", ["get", UNKNOWN_JOB_ID, "--service", "ecs", "--region", "eu-de"], { OS_PROJECT_ID: PROJECT_ID }, /no credentials.*\n.*OS_AUTH_TOKEN/],
    ["no project id", ["get", UNKNOWN_JOB_ID, "--service", "ecs", "--region", "eu-de"], { OS_AUTH_TOKEN: TOKEN }, /no project id/],
    ["no region nor endpoint", ["get", UNKNOWN_JOB_ID, "--service", "ecs"], undefined, /no region and no endpoint/],
    ["a malformed job id", ["get", "../../etc/passwd", "--service", "ecs", "--region", "eu-de"], undefined, /Invalid jobId/],
    ["a malformed job id to wait for", ["wait", "job?id=1", "--service", "ecs", "--region", "eu-de"], undefined, /^cloud-jobs: Invalid jobId: must not contain "\?" or "#"/],
    ["a malformed project id", ["get", UNKNOWN_JOB_ID, "--service", "ecs", "--region", "eu-de", "--project-id", "../p"], undefined, /Invalid projectId/],
  ];

  it.each(cases)("for %s", async (_, args, runEnv, message) => {
    const run = await runCli(args, runEnv ?? env);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });
});

describe("help and version", () => {
  it.each([[[]], [["get"]], [["wait"]], [["mock"]]])("prints --help for %j and exits 0", async (command) => {
    const run = await runCli([...command, "--help"], {});
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: cloud-jobs/);
    expect(run.stderr).toBe("");
  });

  it("documents the environment and exit codes in the help of get and wait", async () => {
    const run = await runCli(["wait", "--help"], {});
    expect(run.stdout).toContain("OS_AUTH_TOKEN");
    expect(run.stdout).toContain("--timeout <duration>");
    expect(run.stdout).toContain("3 timeout");
  });

  it("prints the package version with --version", async () => {
    const { version } = (await import("../package.json", { with: { type: "json" } })).default;
    const run = await runCli(["--version"], {});
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(version);
  });
});

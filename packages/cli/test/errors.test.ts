import { InvalidArgumentError, JobFailedError, JobNotFoundError, JobsApiError, WaitTimeoutError } from "@cloud-jobs/client";
import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { apiErrorHint, describeError, InterruptedError, UsageError } from "../src/errors.js";

const jobId = "ff80808288d41e1b018990260955686a";
const apiError = (status: number | undefined, code: string, message: string) =>
  new JobsApiError({ status, code, message, service: "ecs", retryable: false, requestId: "req-1" });

describe("describeError", () => {
  it.each([
    ["commander's help", new CommanderError(0, "commander.helpDisplayed", "(outputHelp)"), 0],
    ["commander's usage error", new CommanderError(1, "commander.unknownOption", "error: unknown option"), 2],
    ["a usage error", new UsageError("--timeout", "bad timeout"), 2],
    ["a bad argument", new InvalidArgumentError("jobId", "must not contain a path separator"), 2],
    ["a failed job", new JobFailedError({ job: {}, jobId, service: "ecs", errorCode: "Ecs.0204", failReason: "quota", failedSubJobs: [] }), 1],
    ["a timeout", new WaitTimeoutError({ jobId, timeoutMs: 120_000, lastJob: undefined, lastError: undefined, state: { version: 1, jobId, startedAt: "2024-01-01T00:00:00.000Z", timeoutMs: 120_000, polls: 7, transientErrors: 0 } }), 3],
    ["an unknown job during a wait", new JobNotFoundError({ jobId, service: "ecs", apiCode: "Common.0011", requestId: "req-1", cause: undefined }), 4],
    ["an API error", apiError(503, "HTTP_503", "HTTP 503 from ecs (HTTP_503): HTML page"), 4],
    ["Ctrl-C", new InterruptedError("SIGINT"), 130],
    ["SIGTERM", new InterruptedError("SIGTERM"), 143],
    ["a bug", new TypeError("x is not a function"), 4],
  ])("maps %s to its exit code", (_, error, exitCode) => {
    expect(describeError(error).exitCode).toBe(exitCode);
  });

  it("leaves commander's own messages to commander", () => {
    expect(describeError(new CommanderError(1, "commander.unknownOption", "error: unknown option")).lines).toEqual([]);
  });

  it("reports an API error with its request id and a hint, naming the code once", () => {
    const lines = describeError(apiError(400, "Common.0011", "HTTP 400 from ecs (Common.0011): query job fail."), "http://x").lines;
    expect(lines).toEqual([
      "HTTP 400 from ecs (Common.0011): query job fail.",
      "  request id: req-1",
      expect.stringMatching(/^ {2}hint: unknown or expired job/),
    ]);
  });

  it("adds the code of a network error, which its message does not name", () => {
    const lines = describeError(apiError(undefined, "NETWORK_ERROR", "no answer from ecs: fetch failed (ECONNREFUSED)"), "http://127.0.0.1:9").lines;
    expect(lines).toContain("  code: NETWORK_ERROR");
    expect(lines.at(-1)).toContain("http://127.0.0.1:9");
  });

  it("reports a timeout with the last status and sub-jobs seen", () => {
    const lastJob = { status: "RUNNING", job_id: jobId, job_type: "createServer", entities: { sub_jobs_total: 3, sub_jobs: [] } };
    const state = { version: 1 as const, jobId, startedAt: "2024-01-01T00:00:00.000Z", timeoutMs: 1_800_000, polls: 42, transientErrors: 0 };
    const lines = describeError(new WaitTimeoutError({ jobId, timeoutMs: 1_800_000, lastJob, lastError: undefined, state })).lines;
    expect(lines[0]).toBe(`gave up waiting for job ${jobId} after 30m`);
    expect(lines).toContain("  last seen: RUNNING, sub-jobs 0/3");
    expect(lines).toContain("  polls: 42");
  });
});

const hint = (code: string, status: number | undefined) => apiErrorHint({ code, status }, "http://127.0.0.1:4010");

describe("apiErrorHint", () => {
  it("calls Common.0011 an unknown or expired job, in either spelling", () => {
    expect(hint("Common.0011", 400)).toMatch(/^unknown or expired job/);
    expect(hint("common.0011", 400)).toMatch(/^unknown or expired job/);
  });

  it("points at the credentials for a refused token, whatever the status", () => {
    expect(hint("Common.0013", 400)).toMatch(/OS_AUTH_TOKEN/);
    expect(hint("APIGW.0301", 401)).toMatch(/OS_AUTH_TOKEN/);
    expect(hint("HTTP_401", 401)).toMatch(/OS_ACCESS_KEY/);
  });

  it("names the endpoint when nothing answered", () => {
    expect(hint("NETWORK_ERROR", undefined)).toContain("http://127.0.0.1:4010");
    expect(hint("HTTP_404", 404)).toContain("--endpoint");
  });

  it("says to retry later for throttling and server errors", () => {
    expect(hint("Common.1503", 429)).toMatch(/rate limited/);
    expect(hint("HTTP_502", 502)).toMatch(/try again/);
  });

  it("has no hint for an error it knows nothing about", () => {
    expect(hint("Ecs.0114", 400)).toBeUndefined();
  });
});

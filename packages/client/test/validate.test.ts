import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";
import { ContractViolationError, InvalidArgumentError, createJobsClient, type ContractViolationInit } from "../src/index.js";
import { EVS_RUNNING, JOB_ID, PROJECT_ID, json, scriptedFetch } from "./helpers.js";

const base = { service: "evs" as const, projectId: PROJECT_ID, endpoint: "https://evs.example", auth: { token: "t0ken" }, retry: false as const };
/** What a drifting cloud sends: a time that is no time, a size sent as a string. (A status no document lists is not drift: see below.) */
const DRIFTED = { ...EVS_RUNNING, end_time: 0, entities: { ...EVS_RUNNING.entities, size: "10" } };
const SUCCESS = { ...EVS_RUNNING, status: "SUCCESS", end_time: "2016-03-08T07:41:13.219Z" };

describe("createJobsClient({ validate })", () => {
  it('"off" (the default) hands out a body that breaks the contract, as before', async () => {
    const client = createJobsClient({ ...base, fetch: scriptedFetch(() => json(DRIFTED)) });
    await expect(client.getJob(JOB_ID)).resolves.toEqual(DRIFTED);
  });

  it('"error" rejects a non-conforming 200 with the job as received and every violation with its path', async () => {
    const fetch = scriptedFetch(() => json(DRIFTED));
    const error = await createJobsClient({ ...base, fetch, validate: "error", retry: undefined }).getJob(JOB_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractViolationError);
    const violation = error as ContractViolationError;
    expect(violation).toMatchObject({ code: "CONTRACT_VIOLATION", service: "evs", jobId: JOB_ID, job: DRIFTED });
    expect(violation.violations.map((v) => [v.pointer, v.found])).toEqual([
      ["/entities/size", '"10"'],
      ["/end_time", "0"],
    ]);
    expect(violation.violations[1]?.cites.join()).toMatch(/disagreement 12 \(end_time while running\)/);
    expect(violation.message).toContain("$.entities.size must be integer (got \"10\") (+1 more)");
    expect(fetch.requests).toHaveLength(1); // not retried: the same answer would come again
  });

  it('"error" names what a 200 lacks to be a job (a renamed field); "warn" keeps calling that an invalid response', async () => {
    const renamed = { ...EVS_RUNNING, jobType: EVS_RUNNING.job_type, job_type: undefined };
    const strict = createJobsClient({ ...base, fetch: scriptedFetch(() => json(renamed)), validate: "error" });
    const error = (await strict.getJob(JOB_ID).catch((e: unknown) => e)) as ContractViolationError;
    expect(error.violations.map((v) => [v.path, v.expected])).toEqual([["$.job_type", "is required"]]);
    const warned = createJobsClient({ ...base, fetch: scriptedFetch(() => json(renamed)), validate: "warn" });
    await expect(warned.getJob(JOB_ID)).rejects.toMatchObject({ code: "INVALID_RESPONSE" });
  });

  it('"error" and "warn" let a conforming body through untouched', async () => {
    const onContractViolation = vi.fn();
    for (const validate of ["error", "warn"] as const) {
      const client = createJobsClient({ ...base, fetch: scriptedFetch(() => json(EVS_RUNNING)), validate, onContractViolation });
      await expect(client.getJob(JOB_ID)).resolves.toEqual(EVS_RUNNING);
    }
    expect(onContractViolation).not.toHaveBeenCalled();
  });

  it('"warn" returns the job and reports the violations to onContractViolation; a throwing callback changes nothing', async () => {
    const reports: ContractViolationInit[] = [];
    const onContractViolation = (report: ContractViolationInit) => {
      reports.push(report);
      throw new Error("observer bug");
    };
    const client = createJobsClient({ ...base, fetch: scriptedFetch(() => json(DRIFTED)), validate: "warn", onContractViolation });
    await expect(client.getJob(JOB_ID)).resolves.toEqual(DRIFTED);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ service: "evs", jobId: JOB_ID, job: DRIFTED });
    expect(reports[0]?.violations.map((v) => v.path)).toEqual(["$.entities.size", "$.end_time"]);
  });

  it('"warn" without a callback says it on console.warn', async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await createJobsClient({ ...base, fetch: scriptedFetch(() => json(DRIFTED)), validate: "warn" }).getJob(JOB_ID);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining(`Job ${JOB_ID} does not match the evs contract: $.entities.size`));
    } finally {
      warn.mockRestore();
    }
  });

  it('a wait with "warn" keeps waiting through drift; with "error" it ends at the first non-conforming body', async () => {
    const answers = [() => json(DRIFTED), () => json(SUCCESS)];
    const seen: string[] = [];
    const warned = createJobsClient({ ...base, fetch: scriptedFetch(...answers), validate: "warn", onContractViolation: (r) => seen.push(String((r.job as { end_time?: unknown }).end_time)) });
    await expect(warned.waitForJob(JOB_ID, { minDelayMs: 1, policy: () => 1 })).resolves.toEqual(SUCCESS);
    expect(seen).toEqual(["0"]);
    const fetch = scriptedFetch(...answers);
    const strict = createJobsClient({ ...base, fetch, validate: "error" });
    await expect(strict.waitForJob(JOB_ID, { minDelayMs: 1, policy: () => 1 })).rejects.toBeInstanceOf(ContractViolationError);
    expect(fetch.requests).toHaveLength(1);
  });

  it('a status no source lists conforms (the contract\'s UnlistedJobStatus: not finished): even with "error", a wait keeps polling through it', async () => {
    const onProgress = vi.fn();
    const fetch = scriptedFetch(() => json({ ...EVS_RUNNING, status: "QUEUED" }), () => json({ ...EVS_RUNNING, status: "LISTENING" }), () => json(SUCCESS));
    const client = createJobsClient({ ...base, fetch, validate: "error" });
    await expect(client.waitForJob(JOB_ID, { minDelayMs: 1, policy: () => 1, onProgress })).resolves.toEqual(SUCCESS);
    expect(onProgress.mock.calls.map(([progress]) => progress.status)).toEqual(["QUEUED", "LISTENING", "SUCCESS"]);
    expect(fetch.requests).toHaveLength(3);
  });

  it("refuses a validate mode it does not know, and a callback that is not a function", () => {
    expect(() => createJobsClient({ ...base, validate: "strict" as "error" })).toThrow(InvalidArgumentError);
    expect(() => createJobsClient({ ...base, onContractViolation: "log" as never })).toThrow(/onContractViolation/);
  });

  it("a bundle of a token-only app carries no byte of the validators: they sit in a chunk loaded only when validating", async () => {
    const result = await build({
      stdin: { contents: 'import { createJobsClient } from "./src/index.ts"; globalThis.c = createJobsClient;', resolveDir: fileURLToPath(new URL("..", import.meta.url)) },
      bundle: true,
      splitting: true,
      format: "esm",
      outdir: "out",
      write: false,
      minify: true,
      platform: "neutral",
      external: ["openapi-fetch"],
    });
    const [entry, ...chunks] = result.outputFiles;
    const validators = chunks.filter((chunk) => chunk.text.includes("EvsBatchJobEntities"));
    expect(validators).toHaveLength(1);
    expect(entry?.text).not.toContain("EvsBatchJobEntities");
    expect(entry?.text).not.toContain("disagreement");
    expect(entry?.text.length).toBeLessThan(validators[0]!.text.length / 5);
  });
});

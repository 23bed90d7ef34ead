import { describe, expect, it } from "vitest";
import { findings, jobPath, knownUnion, openapi } from "./lint.js";

const RULE = "cloud-jobs-job-type-example";

const SUB_JOB = "{job_id: b2, job_type: deleteThing, status: SUCCESS}";

/** Three job types; the response example and the schema-level examples are given by the test. */
function document({ example, moveExamples = "[{job_type: moveThing}]" }: { example: string; moveExamples?: string }): string {
  const paths = jobPath("AcmeKnownJob", { examples: "                running: {$ref: '#/components/examples/AcmeJob_running'}" });
  const examples = `  examples:
    AcmeJob_running:
      value: ${example}
    AcmeJob_unused:
      value: {job_type: deleteThing}
`;
  return openapi(`${knownUnion(["createThing", "deleteThing", "moveThing"], { members: true })}
      examples: ${moveExamples}`, { paths, components: examples });
}

describe(RULE, () => {
  it("reports nothing when each job type is in a response example, a sub-job, or schema examples", async () => {
    const doc = document({ example: `{job_id: a1, job_type: createThing, status: RUNNING, entities: {sub_jobs: [${SUB_JOB}]}}` });
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("finds sub-jobs at the top level too (as VBS sends them)", async () => {
    const doc = document({ example: `{job_id: a1, job_type: createThing, status: RUNNING, sub_jobs: [${SUB_JOB}]}` });
    expect(await findings(RULE, doc)).toEqual([]);
  });

  it("reports a job type that only an unreferenced example shows", async () => {
    const doc = document({ example: "{job_id: a1, job_type: createThing, status: RUNNING}" });
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeDeleteThingJob"],
        message: "Job type deleteThing (AcmeDeleteThingJob) MUST have an example: a response example with this job_type on the job or a sub-job, or an examples entry on the schema.",
      },
    ]);
  });

  it("does not count an empty examples list on the schema", async () => {
    const doc = document({ example: `{job_type: createThing, entities: {sub_jobs: [${SUB_JOB}]}}`, moveExamples: "[]" });
    expect(await findings(RULE, doc)).toEqual([
      {
        path: ["components", "schemas", "AcmeMoveThingJob"],
        message: "Job type moveThing (AcmeMoveThingJob) MUST have an example: a response example with this job_type on the job or a sub-job, or an examples entry on the schema.",
      },
    ]);
  });
});

// The one job every per-call contender fetches: an ECS createServer job with
// one sub-job, shaped like the OTC ECS documentation example (≈ 600 bytes).

/** Project id in the path (32 lower-case hex). */
export const PROJECT_ID = "0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e";

/** Job id in the path (32 lower-case hex, like ECS job ids). */
export const JOB_ID = "ff8080828b3e6a1f018b3f0c5c1a0001";

/** Token sent by the token contenders (the server only checks that some auth header is there). */
export const TOKEN = "bench-token-not-a-secret";

/** Fake AK/SK pair for the signing contenders. */
export const AK_SK = { accessKey: "BENCHACCESSKEY000001", secretKey: "bench-secret-key-not-a-secret-0000000000" };

/** The response body, serialised once. */
export const JOB_BODY = JSON.stringify({
  status: "RUNNING",
  entities: {
    sub_jobs_total: 1,
    sub_jobs: [
      {
        status: "RUNNING",
        entities: { server_id: "c7c5d5b6-6b8b-4e2b-9a3e-6f0a3f1c2d4e" },
        job_id: "ff8080828b3e6a1f018b3f0c5c1a0002",
        job_type: "createSingleServer",
        begin_time: "2024-05-13T08:01:02.345Z",
        end_time: "",
        error_code: null,
        fail_reason: null,
      },
    ],
  },
  job_id: JOB_ID,
  job_type: "createServer",
  begin_time: "2024-05-13T08:01:01.123Z",
  end_time: "",
  error_code: null,
  fail_reason: null,
});

/** Path every contender requests. */
export const JOB_PATH = `/v1/${PROJECT_ID}/jobs/${JOB_ID}`;

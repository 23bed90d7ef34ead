import { startMockServer } from "@cloud-jobs/mock-server";

/** A simulated job: the `POST /mock/jobs` body of the mock server (the fields these tests use). */
export interface JobSpec {
  readonly service: "ecs" | "bms" | "evs" | "vbs";
  readonly job_type: string;
  readonly duration_ms: number;
  readonly sub_jobs: number;
  readonly outcome: "SUCCESS" | "FAIL";
}

/** The mock server on 127.0.0.1, which the binary is pointed at with `--endpoint`. */
export interface TestJobServer {
  readonly url: string;
  /** Creates a simulated job that starts now, through `POST /mock/jobs`; resolves to its id. */
  createJob(spec: JobSpec): Promise<string>;
  close(): Promise<void>;
}

/** Starts @cloud-jobs/mock-server on 127.0.0.1, port 0, on the real clock (the binary runs in another process). */
export async function startTestJobServer(): Promise<TestJobServer> {
  const mock = await startMockServer({ port: 0, host: "127.0.0.1" });
  return {
    url: mock.url,
    async createJob(spec) {
      const response = await fetch(`${mock.url}/mock/jobs`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(spec),
      });
      if (response.status !== 201) throw new Error(`POST /mock/jobs answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { job_id: string }).job_id;
    },
    close: () => mock.close(),
  };
}

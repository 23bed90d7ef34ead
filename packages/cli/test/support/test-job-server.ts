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
  /** Makes the next `times` requests for `jobId` fail with `fault` (`X-Mock-Fault` syntax), through `POST /mock/faults`. */
  addFault(jobId: string, fault: string, times: number): Promise<void>;
  close(): Promise<void>;
}

/** Starts @cloud-jobs/mock-server on 127.0.0.1, port 0, on the real clock (the binary runs in another process). */
export async function startTestJobServer(): Promise<TestJobServer> {
  const mock = await startMockServer({ port: 0, host: "127.0.0.1" });
  const post = async (path: string, body: unknown): Promise<unknown> => {
    const response = await fetch(`${mock.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return response.json();
  };
  return {
    url: mock.url,
    async createJob(spec) {
      return ((await post("/mock/jobs", spec)) as { job_id: string }).job_id;
    },
    async addFault(jobId, fault, times) {
      await post("/mock/faults", { fault, times, job_id: jobId });
    },
    close: () => mock.close(),
  };
}

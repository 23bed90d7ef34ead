import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createJobsClient, subJobsOf } from "@cloud-jobs/client";

// Every fixture is a JSON file: json/<service>/<name>.json, all listed in json/index.json.
const file = createRequire(import.meta.url).resolve("@cloud-jobs/fixtures/json/evs/batchCreateVolume-running.json");
const fixture = JSON.parse(await readFile(file, "utf8")) as {
  jobId: string;
  httpStatus: number;
  headers: Record<string, string>;
  body: unknown;
};

// Replay it through the client with an injected fetch: no server, no network.
const evs = createJobsClient({
  service: "evs",
  projectId: "0605768a6f80d5762f52c0150e726aa7",
  endpoint: "http://fixtures.invalid",
  auth: { token: "test-token" },
  fetch: async () => new Response(JSON.stringify(fixture.body), { status: fixture.httpStatus, headers: fixture.headers }),
});
const job = await evs.getJob(fixture.jobId);
console.log(job.status, subJobsOf(job).map((s) => s.status)); // RUNNING [ 'SUCCESS', 'RUNNING' ]

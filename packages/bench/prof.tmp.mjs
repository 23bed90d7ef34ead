import { createJobsClient } from "@cloud-jobs/client";
import createClient from "openapi-fetch";
import { AK_SK, JOB_ID, JOB_PATH, PROJECT_ID, startLoopbackServer, TOKEN } from "./src/per-call/loopback.js";
const server = await startLoopbackServer();
const url = server.url;
const headers = { Accept: "application/json", "X-Auth-Token": TOKEN };
const api = createClient({ baseUrl: url, headers });
const params = { path: { project_id: PROJECT_ID, job_id: JOB_ID } };
const tok = createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: url, auth: { token: TOKEN } });
const ak = createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: url, auth: AK_SK });
const { signedJobHeaders } = await import("@cloud-jobs/client/signer");
const pre = await signedJobHeaders(`${url}${JOB_PATH}`, AK_SK, PROJECT_ID);
const preLower = Object.fromEntries(Object.entries(pre).map(([k, v]) => [k.toLowerCase(), v]));
import { createHash, createHmac } from "node:crypto";
const fast = (u) => { const { host, pathname } = new URL(u); const d = new Date().toISOString().replace(/[-:]|\.\d+/g, "");
  const can = `GET\n${pathname}/\n\naccept:application/json\nhost:${host}\nx-project-id:${PROJECT_ID}\nx-sdk-date:${d}\n\naccept;host;x-project-id;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`;
  const sig = createHmac("sha256", AK_SK.secretKey).update(`SDK-HMAC-SHA256\n${d}\n${createHash("sha256").update(can).digest("hex")}`).digest("hex");
  return { Accept: "application/json", "X-Project-Id": PROJECT_ID, "X-Sdk-Date": d, Authorization: `SDK-HMAC-SHA256 Access=${AK_SK.accessKey}, SignedHeaders=accept;host;x-project-id;x-sdk-date, Signature=${sig}` }; };
const c = {
  rawfast: () => fetch(`${url}${JOB_PATH}`, { headers: fast(`${url}${JOB_PATH}`) }).then((r) => r.json()),
  rawpre: () => fetch(`${url}${JOB_PATH}`, { headers: pre }).then((r) => r.json()),
  rawsign: () => signedJobHeaders(`${url}${JOB_PATH}`, AK_SK, PROJECT_ID).then((h) => fetch(`${url}${JOB_PATH}`, { headers: h })).then((r) => r.json()),
  raw: () => fetch(`${url}${JOB_PATH}`, { headers }).then((r) => r.json()),
  oaf: () => api.GET("/v1/{project_id}/jobs/{job_id}", { params }).then(({ data }) => data),
  token: () => tok.getJob(JOB_ID),
  aksk: () => ak.getJob(JOB_ID),
};
const only = process.env.ONLY?.split(",") ?? Object.keys(c);
const sums = Object.fromEntries(only.map((k) => [k, { wall: 0, cpu: 0, n: 0 }]));
for (let round = 0; round < 110; round++) for (const k of only) {
  const c0 = process.cpuUsage(), t0 = performance.now();
  for (let i = 0; i < 20; i++) await c[k]();
  if (round < 20) continue;
  const u = process.cpuUsage(c0); sums[k].wall += performance.now() - t0; sums[k].cpu += (u.user + u.system) / 1000; sums[k].n += 20;
}
for (const [k, s] of Object.entries(sums)) console.log(k.padEnd(6), "wall µs", (s.wall / s.n * 1000).toFixed(0), "cpu µs", (s.cpu / s.n * 1000).toFixed(0), "× raw wall", (s.wall / sums[only[0]].wall).toFixed(2), "× oaf", sums.oaf ? (s.wall / sums.oaf.wall).toFixed(2) : "");
await server.close();

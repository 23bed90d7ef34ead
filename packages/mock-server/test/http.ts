import { request as httpRequest } from "node:http";

/** A response as the tests read it. */
export interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  json(): any;
}

/**
 * A plain `node:http` request: unlike fetch it can set `Host`, which is how
 * the mock tells services apart.
 */
export function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A project id in the right format. */
export const PROJECT = "bbf1946d374b44a0a2a95533562ba954";

/** `GET /v1/{PROJECT}/jobs/{jobId}` with a token and optional Host / extra headers. */
export function getJob(base: string, jobId: string, headers: Record<string, string> = {}): Promise<Reply> {
  return request(`${base}/v1/${PROJECT}/jobs/${jobId}`, { headers: { "X-Auth-Token": "token", ...headers } });
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse("2026-06-01T10:00:00.000Z")) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms), set: (t: number) => void (now = t) };
}

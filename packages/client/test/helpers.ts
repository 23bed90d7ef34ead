import type { FetchLike } from "../src/index.js";
import { signRequest } from "../src/signer.js";

/**
 * Loads the chunks the client imports on first use (the wait engine). A test with fake timers
 * must, before it advances them: a load in flight is real I/O, which no fake timer waits for.
 */
export const loadClientChunks = () => import("../src/waiting-chunk.js");

/** Project and job ids shaped like the real ones (facts §4). */
export const PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";
export const JOB_ID = "ff80808288d41e1b018990260955686a";

/** A documented EVS RUNNING body (seed 001). */
export const EVS_RUNNING = {
  status: "RUNNING",
  entities: { volume_id: "0b549095-4937-4849-8e4c-52aa027d64f7" },
  job_id: "4010a32d535527910153552b492c0002",
  job_type: "createVolume",
  begin_time: "2016-03-08T07:40:13.219Z",
  end_time: "",
  error_code: null,
  fail_reason: null,
};

/** A Response with a JSON body. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

/** A fetch that answers from a list (the last answer repeats) and records every request. */
export function scriptedFetch(...answers: ((request: Request) => Response | Promise<Response>)[]): FetchLike & { requests: Request[] } {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)];
    if (!answer) throw new Error("no answer scripted");
    return answer(request);
  };
  return Object.assign(fetch, { requests });
}

/**
 * Recomputes the SDK-HMAC-SHA256 signature of a received request over the headers its
 * `Authorization` lists, with the signer itself (the mock server holds the full verifier):
 * true when it matches what was sent.
 */
export async function signatureMatches(
  request: { method: string; url: string | URL; headers: Record<string, string | string[] | undefined> },
  credentials: { accessKey: string; secretKey: string },
): Promise<boolean> {
  const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const authorization = String(headers["authorization"] ?? "");
  const signedNames = /SignedHeaders=([^,]+),/.exec(authorization)?.[1]?.split(";") ?? [];
  if (!authorization.startsWith(`SDK-HMAC-SHA256 Access=${credentials.accessKey},`) || !signedNames.includes("x-sdk-date")) return false;
  const signed = Object.fromEntries(signedNames.map((name) => [name, headers[name]]));
  // x-security-token is added by signRequest from the credentials; keep the received one as a plain header.
  const again = await signRequest({ method: request.method, url: request.url, headers: signed }, credentials);
  return again.authorization === authorization;
}

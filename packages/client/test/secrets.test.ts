import { describe, expect, it, vi } from "vitest";
import { createJobsClient, type Auth, type FetchLike } from "../src/index.js";
import { JOB_ID, PROJECT_ID, json } from "./helpers.js";

const TOKEN = "MIIZkQYJKoZIhvcNAQcCoIIZgjCCGX4CAQExDTALBglghkgBZQMEAgEwgheHBgkqhkiG9w0BBwGgghd4";
const SECRET_KEY = "wJalrXUtnFEMIK7MDENGbPxRfiCYzEXAMPLEKEYz";
const STS = "sts-AAAABBBBCCCCDDDDEEEEFFFF0000111122223333";

/** Everything an error exposes to a log line, a reporter or a debugger. */
function everyTextOf(error: unknown, depth = 0): string {
  if (depth > 5 || error === undefined || error === null) return "";
  if (typeof error !== "object") return String(error);
  const e = error as Error & { cause?: unknown };
  const parts = [String(e), e.message, e.stack ?? "", JSON.stringify(e), Object.values(e).map(String).join("\n")];
  return parts.join("\n") + everyTextOf(e.cause, depth + 1);
}

// Failure modes in which a careless client would carry a credential into the error.
const leakyAnswers: [string, FetchLike][] = [
  ["an error body echoing the credential", async (r) => json({ error: { code: "Common.0013", message: `bad: ${r.headers.get("x-auth-token") ?? r.headers.get("x-security-token")}` } }, 401)],
  ["a gateway body echoing it in request_id", async (r) => json({ error_code: "APIGW.0301", error_msg: "auth", request_id: `${r.headers.get("x-auth-token")}` }, 401)],
  ["an HTML page echoing it", async (r) => new Response(`<html><title>${r.headers.get("x-auth-token")}</title></html>`, { status: 502 })],
  ["a fetch that throws with the headers in its message", async (r) => {
    throw new TypeError(`request failed: ${JSON.stringify([...r.headers])} sk=${SECRET_KEY}`);
  }],
  ["a fetch that throws an error object holding the request config", async (r) => {
    throw Object.assign(new Error("boom"), { config: { headers: Object.fromEntries(r.headers), secret: SECRET_KEY } }, { cause: new Error(`inner ${TOKEN} ${STS}`) });
  }],
  ["a 200 that is not JSON but echoes it", async (r) => new Response(`token=${r.headers.get("x-auth-token")}`, { status: 200 })],
];

// Each auth with the values the client holds and must keep out of errors.
const auths: [string, Auth, string[]][] = [
  ["token", { token: TOKEN }, [TOKEN]],
  ["AK/SK with security token", { accessKey: "AKEXAMPLEEXAMPLE0000", secretKey: SECRET_KEY, securityToken: STS }, [SECRET_KEY, STS]],
];

describe("no credential in any error", () => {
  for (const [authName, auth, secrets] of auths) {
    it.each(leakyAnswers)(`${authName}: %s`, async (_name, fetch) => {
      const client = createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: "http://127.0.0.1:9", auth, fetch, retry: false });
      const error = await client.getJob(JOB_ID).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "JobsApiError" });
      const text = everyTextOf(error);
      for (const secret of secrets) expect(text).not.toContain(secret);
    });
  }

  it("keeps a clean cause untouched (its code stays reachable)", async () => {
    const cause = Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) });
    const fetch = vi.fn(async () => {
      throw cause;
    });
    const client = createJobsClient({ service: "ecs", projectId: PROJECT_ID, endpoint: "http://127.0.0.1:9", auth: { token: TOKEN }, fetch, retry: false });
    const error = await client.getJob(JOB_ID).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", cause });
    expect((error as Error).message).toContain("ECONNREFUSED");
  });

  it("does not repeat a rejected credential in the InvalidArgumentError", () => {
    const error = (() => {
      try {
        createJobsClient({ service: "ecs", projectId: PROJECT_ID, region: "eu-de", auth: { token: `${TOKEN}\n` } });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ name: "InvalidArgumentError", argument: "auth.token" });
    expect(everyTextOf(error)).not.toContain(TOKEN);
  });
});

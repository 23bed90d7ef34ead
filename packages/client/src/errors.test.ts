import { describe, expect, it } from "vitest";
import { errorFromResponse, extractErrorFields } from "./errors.js";

const context = { service: "evs" as const, secrets: ["tok-SECRET-1234"], now: Date.parse("2024-01-02T03:04:05Z") };
/** The body as openapi-fetch hands it over: parsed JSON, or the text when it is not JSON. */
const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};
const answer = (status: number, text: string, headers: Record<string, string> = {}) =>
  errorFromResponse({ status, headers: new Headers(headers) }, parsed(text), context);

describe("errorFromResponse", () => {
  it("reads the nested envelope {error:{code,message}}", () => {
    const error = answer(400, '{"error":{"message":"query job fail.","code":"Common.0011"}}', { "X-Request-Id": "req-1" });
    expect(error).toMatchObject({
      name: "JobsApiError",
      status: 400,
      code: "Common.0011",
      requestId: "req-1",
      service: "evs",
      retryable: false,
      body: { error: { message: "query job fail.", code: "Common.0011" } },
    });
    expect(error.message).toContain("query job fail.");
  });

  it("reads the flat envelope {code,message}", () => {
    expect(answer(401, '{"code":"Common.0013","message":"Invalid token."}')).toMatchObject({
      code: "Common.0013",
      status: 401,
      retryable: false,
    });
  });

  it("reads the gateway envelope and takes request_id from the body", () => {
    const error = answer(429, '{"error_code":"APIGW.0308","error_msg":"throttled","request_id":"gw-9"}');
    expect(error).toMatchObject({ code: "APIGW.0308", requestId: "gw-9", retryable: true });
  });

  it("prefers X-Request-Id over the body's request_id", () => {
    expect(answer(500, '{"error_code":"X","error_msg":"y","request_id":"body"}', { "x-request-id": "header" }).requestId).toBe(
      "header",
    );
  });

  it("names an HTML error page by its title and uses HTTP_<status>", () => {
    const error = answer(502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>");
    expect(error).toMatchObject({ code: "HTTP_502", retryable: true, status: 502 });
    expect(error.message).toContain('HTML page "502 Bad Gateway"');
  });

  it("handles an empty body and a truncated JSON body", () => {
    expect(answer(503, "")).toMatchObject({ code: "HTTP_503", retryable: true, body: undefined });
    expect(answer(503, "").message).toContain("empty body");
    const cut = answer(400, '{"error":{"code":"Common.00');
    expect(cut.code).toBe("HTTP_400");
    expect(cut.body).toBe('{"error":{"code":"Common.00');
  });

  it("treats throttling codes as retryable whatever the status, case-insensitively", () => {
    expect(answer(202, '{"code":"Common.0024","message":"Flow limit exceeded."}').retryable).toBe(true);
    expect(answer(400, '{"code":"common.1503","message":"flow control"}').retryable).toBe(true);
  });

  it("reads Retry-After in seconds and as an HTTP date", () => {
    expect(answer(429, "", { "Retry-After": "7" }).retryAfterMs).toBe(7000);
    expect(answer(503, "", { "Retry-After": "Tue, 02 Jan 2024 03:04:15 GMT" }).retryAfterMs).toBe(10_000);
    expect(answer(503, "", { "Retry-After": "soon" }).retryAfterMs).toBeUndefined();
  });

  it("redacts a secret echoed back in any part of the body", () => {
    const error = answer(401, '{"error":{"code":"Common.0013","message":"bad token tok-SECRET-1234"}}');
    expect(JSON.stringify(error)).not.toContain("tok-SECRET-1234");
    expect(error.message).toContain("[REDACTED]");
  });
});

describe("extractErrorFields", () => {
  it("ignores values of the wrong type instead of throwing", () => {
    expect(extractErrorFields({ code: { nested: true }, message: ["x"] })).toEqual({});
    expect(extractErrorFields([1, 2])).toEqual({});
    expect(extractErrorFields("text")).toEqual({});
    expect(extractErrorFields({ code: 403, message: "Policy" })).toEqual({ code: "403", message: "Policy" });
  });
});

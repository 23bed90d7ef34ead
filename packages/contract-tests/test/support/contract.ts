import type { Fixture } from "@cloud-jobs/fixtures";

/** The project id every contract test uses (32 lower-case hex, as the contract requires). */
export const PROJECT_ID = "0605768a6f80d5762f52c0150e726aa7";

/** A key pair the mock servers verify signatures against. */
export const KEYS = { accessKey: "CONTRACTAKCONTRACTAK", secretKey: "contract-secret-key-0000000000000000000" } as const;

/** The code a client should report for an error fixture: the body's code in any envelope, else `HTTP_<status>`. */
export function expectedCode(fixture: Fixture): string {
  const body = (typeof fixture.body === "object" && fixture.body !== null ? fixture.body : {}) as Record<string, any>;
  return String(body.error_code ?? body.code ?? body.error?.code ?? `HTTP_${fixture.httpStatus}`);
}

/** A clock for the mock server that moves only when told to. */
export function manualClock(start = Date.parse("2026-06-01T10:00:00.000Z")) {
  let now = start;
  return { now: () => now, advance: (ms: number) => void (now += ms) };
}

/** A `fetch` that adds headers to every request (Prism's `Prefer`, the mock's `X-Mock-Fault`). */
export function fetchWith(headers: Record<string, string>, before?: () => void): (request: Request) => Promise<Response> {
  return (request) => {
    before?.();
    const next = new Request(request);
    for (const [name, value] of Object.entries(headers)) next.headers.set(name, value);
    return fetch(next);
  };
}

import type { ErrorFixture, ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, type Answer } from "./answer.js";

/** Why the mock refuses a request; each maps to a documented error body. */
export type Refusal =
  | "unknown-job"
  | "bad-project"
  | "no-credentials"
  | "bad-token"
  | "bad-signature"
  | "unknown-path"
  | "throttled"
  | "server-error"
  | "bad-gateway"
  | "unavailable"
  | "gateway-timeout";

const codeOf = (f: ErrorFixture): string => {
  const body = (f.body ?? {}) as Record<string, any>;
  return String(body.error?.code ?? body.error_code ?? body.code ?? "");
};
/** True for a JSON error body. */
export const isJson = (f: ErrorFixture): boolean => f.headers["Content-Type"] === "application/json";
/** True for a gateway's HTML page. */
export const isHtml = (f: ErrorFixture): boolean => f.headers["Content-Type"] === "text/html";
const isFlatOrGateway = (f: ErrorFixture): number => Number(!("error" in (f.body as object)));
const isGateway = (f: ErrorFixture): number => Number(codeOf(f).startsWith("APIGW"));
// Sort orders: the service's own nested body before flat and gateway ones.
const nestedFirst = (a: ErrorFixture, b: ErrorFixture): number => isFlatOrGateway(a) - isFlatOrGateway(b);
const gatewayLast = (a: ErrorFixture, b: ErrorFixture): number => isGateway(a) - isGateway(b);

/** Which documented body answers each refusal: status, a test on the fixture, and an order of preference. */
const RULES: Record<Refusal, { status: number; accept: (f: ErrorFixture) => boolean; prefer?: (a: ErrorFixture, b: ErrorFixture) => number }> = {
  "unknown-job": { status: 400, accept: (f) => /^common\.0011$/i.test(codeOf(f)), prefer: nestedFirst },
  "bad-project": { status: 400, accept: (f) => codeOf(f) === "Common.0018" },
  "no-credentials": { status: 401, accept: isJson, prefer: gatewayLast },
  "bad-token": { status: 401, accept: (f) => isJson(f) && !codeOf(f).startsWith("APIGW") },
  "bad-signature": { status: 401, accept: (f) => codeOf(f) === "APIGW.0301" },
  "unknown-path": { status: 404, accept: (f) => codeOf(f) === "APIGW.0101" },
  throttled: { status: 429, accept: isJson, prefer: gatewayLast },
  "server-error": { status: 500, accept: isJson },
  "bad-gateway": { status: 502, accept: isHtml },
  unavailable: { status: 503, accept: isJson },
  "gateway-timeout": { status: 504, accept: isHtml },
};

/**
 * Picks, for each service, the documented error body the real service would
 * send for a refusal — the unknown-job body in that service's envelope
 * (`common.0011` on VBS), the gateway's `APIGW.0301` for a bad signature —
 * falling back to another service's body when a service documents none.
 */
export class ErrorAnswers {
  constructor(private readonly errors: readonly ErrorFixture[]) {}

  /** The fixture that answers `refusal` on `service`, or `undefined` if no service documents one. */
  fixtureFor(service: ServiceName, refusal: Refusal): ErrorFixture | undefined {
    const rule = RULES[refusal];
    return this.pick(service, rule.status, rule.accept, rule.prefer);
  }

  /** The first error fixture with `status` that `accept` takes, the service's own first. */
  pick(service: ServiceName, status: number, accept: (f: ErrorFixture) => boolean, prefer?: (a: ErrorFixture, b: ErrorFixture) => number): ErrorFixture | undefined {
    const candidates = this.errors.filter((f) => f.httpStatus === status && accept(f));
    const sorted = prefer ? [...candidates].sort(prefer) : candidates;
    return sorted.find((f) => f.service === service) ?? sorted[0];
  }

  /** The answer for `refusal` on `service`; a bare JSON body if the fixtures hold none. */
  answer(service: ServiceName, refusal: Refusal, extraHeaders: Record<string, string> = {}): Answer {
    const fixture = this.fixtureFor(service, refusal);
    if (fixture) return fixtureAnswer(fixture, extraHeaders);
    const status = RULES[refusal].status;
    return { status, headers: { "Content-Type": "application/json", ...extraHeaders }, body: JSON.stringify({ code: `HTTP.${status}`, message: refusal }) };
  }
}

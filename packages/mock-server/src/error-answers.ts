import { errorFixtures, type ErrorFixture, type ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, type Answer } from "./answer.js";

const codeOf = (f: ErrorFixture): string => {
  const body = (f.body ?? {}) as Record<string, any>;
  return String(body.error?.code ?? body.error_code ?? body.code ?? "");
};
/** True for a JSON error body. */
export const isJson = (f: ErrorFixture): boolean => f.headers["Content-Type"] === "application/json";
/** True for a gateway's HTML page. */
export const isHtml = (f: ErrorFixture): boolean => f.headers["Content-Type"] === "text/html";
// Sort orders: the service's own nested body before flat and gateway ones; gateway bodies last.
const nestedFirst = (a: ErrorFixture, b: ErrorFixture): number => Number(!("error" in (a.body as object))) - Number(!("error" in (b.body as object)));
const gatewayLast = (a: ErrorFixture, b: ErrorFixture): number => Number(codeOf(a).startsWith("APIGW")) - Number(codeOf(b).startsWith("APIGW"));

/** Which documented body answers each refusal: status, a test on the fixture, and an order of preference. */
const RULES = {
  "unknown-job": { status: 400, accept: (f: ErrorFixture) => /^common\.0011$/i.test(codeOf(f)), prefer: nestedFirst },
  "bad-project": { status: 400, accept: (f: ErrorFixture) => codeOf(f) === "Common.0018" },
  "no-credentials": { status: 401, accept: isJson, prefer: gatewayLast },
  "bad-token": { status: 401, accept: (f: ErrorFixture) => isJson(f) && !codeOf(f).startsWith("APIGW") },
  "bad-signature": { status: 401, accept: (f: ErrorFixture) => codeOf(f) === "APIGW.0301" },
  "unknown-path": { status: 404, accept: (f: ErrorFixture) => codeOf(f) === "APIGW.0101" },
};

/** Why the mock refuses a request; each maps to a documented error body. */
export type Refusal = keyof typeof RULES;

/**
 * The first documented error body with `status` that `accept` takes, the
 * service's own first, else another service's (refusals are answered with
 * the documented bodies even when a server serves only some fixtures).
 */
export function pickError(service: ServiceName, status: number, accept: (f: ErrorFixture) => boolean, prefer?: (a: ErrorFixture, b: ErrorFixture) => number): ErrorFixture | undefined {
  const candidates = errorFixtures.filter((f) => f.httpStatus === status && accept(f));
  const sorted = prefer ? candidates.sort(prefer) : candidates;
  return sorted.find((f) => f.service === service) ?? sorted[0];
}

/**
 * The answer the real service would send for a refusal — the unknown-job body
 * in that service's envelope (`common.0011` on VBS), the gateway's
 * `APIGW.0301` for a bad signature; a bare JSON body if no service documents one.
 */
export function refusalAnswer(service: ServiceName, refusal: Refusal): Answer {
  const rule: { status: number; accept: (f: ErrorFixture) => boolean; prefer?: (a: ErrorFixture, b: ErrorFixture) => number } = RULES[refusal];
  const fixture = pickError(service, rule.status, rule.accept, rule.prefer);
  if (fixture) return fixtureAnswer(fixture);
  return { status: rule.status, headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code: `HTTP.${rule.status}`, message: refusal }) };
}

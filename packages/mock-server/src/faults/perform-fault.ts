import type { ServerResponse } from "node:http";
import type { ServiceName } from "@cloud-jobs/fixtures";
import { fixtureAnswer, type Answer } from "../answer.js";
import { isHtml, isJson, type ErrorAnswers } from "../error-answers.js";
import type { Fault } from "./parse-faults.js";

const html = (status: number, title: string): string =>
  `<html><head><title>${status} ${title}</title></head><body><h1>${status}</h1><p>${title}</p></body></html>`;
const TITLES: Readonly<Record<number, string>> = {
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/**
 * The answer of a status fault: the service's documented body for that
 * status in the requested format (the gateways' HTML pages, or JSON), with
 * `Retry-After` when asked; a plain HTML page where no document has one (500).
 */
export function statusFaultAnswer(errors: ErrorAnswers, service: ServiceName, fault: Extract<Fault, { kind: "status" }>): Answer {
  const retry: Record<string, string> = fault.retryAfter === undefined ? {} : { "Retry-After": fault.retryAfter };
  const fixture = errors.pick(service, fault.status, fault.format === "html" ? isHtml : isJson);
  if (fixture) {
    const { "Retry-After": _documented, ...headers } = fixtureAnswer(fixture).headers;
    return { ...fixtureAnswer(fixture), headers: { ...headers, ...retry } };
  }
  const title = TITLES[fault.status] ?? "Error";
  const body = fault.format === "html" ? html(fault.status, title) : JSON.stringify({ error: { code: `HTTP.${fault.status}`, message: title } });
  return { status: fault.status, headers: { "Content-Type": fault.format === "html" ? "text/html" : "application/json", ...retry }, body };
}

/** The answer cut short: valid HTTP, but the JSON stops after `bytes` (half the body by default). */
export function truncateAnswer(answer: Answer, bytes?: number): Answer {
  const full = Buffer.from(answer.body);
  const keep = Math.min(bytes ?? Math.floor(full.length / 2), Math.max(full.length - 1, 0));
  return { ...answer, body: full.subarray(0, keep).toString("utf8") };
}

/** Drops the connection with a TCP reset, as a crashing load balancer does. */
export function resetConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === "function") socket.resetAndDestroy();
  else socket.destroy();
}

/** Waits `ms`, or less if `signal` aborts (the server is closing). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted || ms <= 0) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

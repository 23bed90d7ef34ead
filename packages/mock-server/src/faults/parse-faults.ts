/** One injected fault. A request can carry several: delays add up, the first other fault decides the answer. */
export type Fault =
  | { readonly kind: "delay"; readonly ms: number }
  | { readonly kind: "status"; readonly status: 429 | 500 | 502 | 503 | 504; readonly retryAfter?: string; readonly format: "json" | "html" }
  | { readonly kind: "reset" }
  | { readonly kind: "truncate"; readonly bytes?: number };

/** A fault description the mock cannot read. */
export class FaultSyntaxError extends Error {
  override readonly name = "FaultSyntaxError";
  readonly code = "MOCK.0003";

  constructor(
    readonly input: string,
    reason: string,
  ) {
    super(`bad fault ${JSON.stringify(input)}: ${reason}. ${FAULT_SYNTAX}`);
  }
}

/** What `X-Mock-Fault` and `POST /mock/faults` accept. */
export const FAULT_SYNTAX =
  "Faults: 429[;retry-after=S], 500[;json], 502[;json], 503[;retry-after=S][;html], 504[;json], delay=MS, reset, truncate[;bytes=N]; several separated by commas";

const STATUS_DEFAULT_FORMAT = { "429": "json", "500": "html", "502": "html", "503": "json", "504": "html" } as const;
const MAX_DELAY_MS = 60_000;

function integer(input: string, name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || n > max) throw new FaultSyntaxError(input, `${name} must be an integer 0–${max}`);
  return n;
}

function parseOne(input: string, text: string): Fault {
  const [head = "", ...rest] = text.split(";").map((part) => part.trim());
  const params = new Map(rest.map((p) => [p.split("=")[0]!.toLowerCase(), p.includes("=") ? p.slice(p.indexOf("=") + 1) : ""]));
  const [kind = "", value] = head.toLowerCase().split("=");
  const allow = (...names: string[]): void => {
    const extra = [...params.keys()].find((name) => !names.includes(name));
    if (extra !== undefined) throw new FaultSyntaxError(input, `${kind} takes no parameter ${extra}`);
  };
  if (kind === "delay") {
    allow("ms");
    return { kind: "delay", ms: integer(input, "delay", value ?? params.get("ms"), MAX_DELAY_MS) };
  }
  if (kind === "reset") {
    allow();
    return { kind: "reset" };
  }
  if (kind === "truncate") {
    allow("bytes");
    return params.has("bytes") ? { kind: "truncate", bytes: integer(input, "bytes", params.get("bytes"), 1_000_000) } : { kind: "truncate" };
  }
  if (kind in STATUS_DEFAULT_FORMAT && value === undefined) {
    allow("retry-after", "json", "html");
    const retryAfter = params.get("retry-after");
    if (retryAfter !== undefined && !/^\S.{0,63}$/.test(retryAfter)) throw new FaultSyntaxError(input, "retry-after needs a value");
    const format = params.has("html") ? "html" : params.has("json") ? "json" : STATUS_DEFAULT_FORMAT[kind as keyof typeof STATUS_DEFAULT_FORMAT];
    const status = Number(kind) as 429 | 500 | 502 | 503 | 504;
    return retryAfter === undefined ? { kind: "status", status, format } : { kind: "status", status, retryAfter, format };
  }
  throw new FaultSyntaxError(input, `unknown fault ${JSON.stringify(head)}`);
}

/**
 * Parses a fault list such as `429;retry-after=2` or `delay=300, 503`.
 * Throws `FaultSyntaxError` (answered as 400 `MOCK.0003`) on anything else.
 */
export function parseFaults(input: string): Fault[] {
  // Split only before a fault name: a Retry-After HTTP date has commas of its own.
  const parts = input.split(/,(?=\s*(?:\d{3}|delay|reset|truncate)\b)/i).map((p) => p.trim()).filter((p) => p.length > 0);
  if (parts.length === 0) throw new FaultSyntaxError(input, "empty");
  if (parts.length > 5) throw new FaultSyntaxError(input, "at most five faults at once");
  return parts.map((part) => parseOne(input, part));
}

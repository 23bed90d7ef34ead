import { isNode, SpecShapeError, strings, text, type Node, type SpecIndex } from "./spec-index.js";

/** Which of the three envelopes of `ErrorResponse` a body uses. */
export type Envelope = "NestedErrorBody" | "FlatErrorBody" | "GatewayErrorBody";

/** One documented error body (a response example). */
export interface ErrorExample {
  readonly name: string;
  readonly summary: string;
  readonly description: string;
  readonly envelope: Envelope;
  readonly code: string;
  readonly message: string;
  readonly value: unknown;
}

/** One error status of `showJob`. */
export interface ErrorStatus {
  readonly status: string;
  /** Component name (`BadRequest`). */
  readonly name: string;
  readonly description: string;
  /** `x-cloud-jobs-retryable`. */
  readonly retryable: boolean;
  readonly headers: readonly string[];
  readonly examples: readonly ErrorExample[];
}

/** The path item of the one operation, `showJob`. */
export function showJobOperation(spec: SpecIndex): { path: string; operation: Node } {
  const paths = isNode(spec.doc.paths) ? spec.doc.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    const get = isNode(item) ? spec.deref(item).get : undefined;
    if (isNode(get) && get.operationId === "showJob") return { path, operation: get };
  }
  throw new SpecShapeError("operation showJob not found", "#/paths");
}

/** The error responses of `showJob`, by status, with the codes of their examples. */
export function errorStatusesOf(spec: SpecIndex): ErrorStatus[] {
  const { operation } = showJobOperation(spec);
  const responses = isNode(operation.responses) ? operation.responses : {};
  return Object.entries(responses)
    .filter(([status]) => /^[45]\d\d$/.test(status))
    .map(([status, ref]) => {
      const response = spec.deref(ref);
      const retryable = response["x-cloud-jobs-retryable"];
      if (typeof retryable !== "boolean") {
        throw new SpecShapeError("error responses carry x-cloud-jobs-retryable", `#/paths/…/responses/${status}`);
      }
      const media = isNode(response.content) && isNode(response.content["application/json"]) ? response.content["application/json"] : {};
      const examples = isNode(media.examples) ? media.examples : {};
      return {
        status,
        name: spec.refName(ref) ?? status,
        description: text(response, "description") ?? "",
        retryable,
        headers: isNode(response.headers) ? Object.keys(response.headers) : [],
        examples: Object.entries(examples).map(([name, example]) => errorExampleOf(spec, name, example)),
      };
    });
}

function errorExampleOf(spec: SpecIndex, name: string, ref: unknown): ErrorExample {
  const example = spec.deref(ref);
  const value = example.value;
  const body = isNode(value) ? value : {};
  const nested = isNode(body.error) ? body.error : undefined;
  const envelope: Envelope = nested ? "NestedErrorBody" : "error_code" in body ? "GatewayErrorBody" : "FlatErrorBody";
  const source = nested ?? body;
  return {
    name: spec.refName(ref) ?? name,
    summary: text(example, "summary") ?? name,
    description: text(example, "description") ?? "",
    envelope,
    code: text(source, "code") ?? text(source, "error_code") ?? "",
    message: text(source, "message") ?? text(source, "error_msg") ?? "",
    value,
  };
}

/** The members of `ErrorResponse` with their descriptions and required keys. */
export function envelopesOf(spec: SpecIndex): { name: string; description: string; required: string[] }[] {
  return spec.schema("ErrorResponse").anyOf instanceof Array
    ? (spec.schema("ErrorResponse").anyOf as unknown[]).map((ref) => {
        const schema = spec.deref(ref);
        return { name: spec.refName(ref) ?? "?", description: text(schema, "description") ?? "", required: strings(schema, "required") };
      })
    : [];
}

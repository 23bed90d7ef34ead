/** A decoded ECS `errorcode_message`. */
export interface DecodedErrorcodeMessage {
  /** The value as sent. */
  readonly raw: string;
  /** Human-readable message: the embedded error's `message`, else the raw text. */
  readonly message: string;
  /** Embedded error code, e.g. `403` of a Nova error. */
  readonly code?: string | number;
  /** Key the embedded error sat under, e.g. `forbidden`, `badRequest`. */
  readonly kind?: string;
  /** The parsed embedded JSON, when the value was JSON. */
  readonly json?: unknown;
}

function field(record: Record<string, unknown>, key: string): string | number | undefined {
  const value = record[key];
  return typeof value === "string" || (typeof value === "number" && Number.isFinite(value)) ? value : undefined;
}

/**
 * Decodes an ECS sub-job's `entities.errorcode_message`, which often holds a
 * JSON string such as
 * `{"forbidden": {"code": 403, "message": "Quota exceeded for instances: ..."}}`
 * (a Nova error). Plain text stays the message; `""`, `null` and absent give `undefined`.
 *
 * @example
 * decodeErrorcodeMessage(subJob.entities?.errorcode_message)?.message // "Quota exceeded for instances: ..."
 */
export function decodeErrorcodeMessage(value: unknown): DecodedErrorcodeMessage | undefined {
  if (typeof value !== "string" || value.trim() === "") return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    return { raw: value, message: value };
  }
  if (json === null || typeof json !== "object" || Array.isArray(json)) return { raw: value, message: value, json };
  const outer = json as Record<string, unknown>;
  const direct = field(outer, "message");
  if (direct !== undefined) return { raw: value, message: String(direct), code: field(outer, "code"), json };
  for (const [kind, inner] of Object.entries(outer)) {
    if (inner === null || typeof inner !== "object" || Array.isArray(inner)) continue;
    const message = field(inner as Record<string, unknown>, "message");
    if (message !== undefined) {
      return { raw: value, message: String(message), code: field(inner as Record<string, unknown>, "code"), kind, json };
    }
  }
  return { raw: value, message: value, json };
}

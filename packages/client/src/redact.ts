/** Placeholder written where a credential was found. */
export const REDACTED = "[REDACTED]";

/**
 * Replaces every occurrence of each secret in `text`. Secrets shorter than 4
 * characters are ignored: replacing them would mangle ordinary words and
 * they cannot be real tokens or keys anyway.
 */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4 && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** True when `text` contains one of the secrets (as `redactText` would replace it). */
export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret.length >= 4 && text.includes(secret));
}

/**
 * Deep copy of a parsed JSON value with every string redacted (keys too), so
 * a server that echoes a header back cannot leak it through `error.body`.
 * Nesting deeper than 32 levels is cut (a hostile body must not overflow the stack).
 */
export function redactJson(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === "string") return redactText(value, secrets);
  if (value === null || typeof value !== "object") return value;
  if (depth >= 32) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => redactJson(item, secrets, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redactText(key, secrets), redactJson(item, secrets, depth + 1)]),
  );
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Returns `cause` unchanged when nothing in it (message, stack, enumerable
 * properties, nested causes) holds a secret; otherwise a plain `Error` with
 * the same name and a redacted message and stack, because a custom `fetch`
 * may put request headers in its error or in properties hanging off it.
 */
export function redactCause(cause: unknown, secrets: readonly string[], depth = 0): unknown {
  if (secrets.length === 0) return cause;
  if (typeof cause === "string") return redactText(cause, secrets);
  if (!(cause instanceof Error)) {
    const text = safeStringify(cause);
    return containsSecret(text, secrets) ? redactText(text, secrets) : cause;
  }
  const nested = "cause" in cause && depth < 4 ? redactCause(cause.cause, secrets, depth + 1) : undefined;
  const text = `${cause.message}\n${cause.stack ?? ""}\n${safeStringify(cause)}`;
  if (!containsSecret(text, secrets) && (!("cause" in cause) || nested === cause.cause)) return cause;
  const copy = new Error(redactText(cause.message, secrets), nested === undefined ? undefined : { cause: nested });
  copy.name = cause.name;
  copy.stack = redactText(cause.stack ?? `${cause.name}: ${cause.message}`, secrets);
  return copy;
}

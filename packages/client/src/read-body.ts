/** Result of reading at most `limitBytes` of a body. */
export interface BodyText {
  readonly text: string;
  /** True when the body went on past the limit and the rest was discarded. */
  readonly truncated: boolean;
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it aborts. */
export function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

/**
 * Reads a response body as UTF-8 text, stopping after `limitBytes` so a huge
 * or endless body cannot exhaust memory; the rest of the stream is cancelled.
 * With `lengthEnforced` (the global `fetch`, which never delivers more than
 * the `Content-Length` it announced), a body announced within the limit is
 * read in one go; an injected `fetch` may announce anything. Rejects with the signal's reason when
 * aborted, even if the body stream itself ignores the signal (an injected `fetch`).
 */
export async function readBodyText(
  response: Response,
  limitBytes: number,
  signal?: AbortSignal,
  lengthEnforced = false,
): Promise<BodyText> {
  const body = response.body;
  if (!body) return { text: "", truncated: false };
  const length = lengthEnforced ? response.headers.get("content-length") : null;
  // The global fetch also rejects a body read when its signal aborts.
  if (length !== null && Number(length) <= limitBytes) return { text: await response.text(), truncated: false };
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await abortable(reader.read(), signal);
      if (done) return { text: text + decoder.decode(), truncated: false };
      const room = limitBytes - received;
      received += value.byteLength;
      if (value.byteLength > room) return { text: text + decoder.decode(value.subarray(0, Math.max(0, room))), truncated: true };
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // Releases the connection; the rejection of a cancelled or errored stream is of no interest here.
    reader.cancel().catch(() => {});
  }
}

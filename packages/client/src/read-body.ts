/** Result of reading at most `limitBytes` of a body. */
export interface BodyText {
  readonly text: string;
  /** True when the body went on past the limit and the rest was discarded. */
  readonly truncated: boolean;
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

/**
 * Reads a response body as UTF-8 text, stopping after `limitBytes` so a huge
 * or endless body cannot exhaust memory; the rest of the stream is cancelled.
 * Rejects with the signal's reason when aborted, even if the body stream
 * itself ignores the signal (e.g. an injected `fetch`).
 */
export async function readBodyText(
  body: ReadableStream<Uint8Array> | null | undefined,
  limitBytes: number,
  signal?: AbortSignal,
): Promise<BodyText> {
  if (!body) return { text: "", truncated: false };
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
      if (value.byteLength > room) {
        text += decoder.decode(value.subarray(0, Math.max(0, room)));
        return { text, truncated: true };
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    // Releases the connection; the rejection of a cancelled or errored stream is of no interest here.
    reader.cancel().catch(() => {});
  }
}

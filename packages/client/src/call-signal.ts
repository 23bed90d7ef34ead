/** A signal for one call, linked to the caller's signal and to a deadline. */
export interface CallSignal {
  readonly signal: AbortSignal;
  /** Removes the listener and timer; call it when the call settles. */
  readonly dispose: () => void;
}

/**
 * Combines the caller's `AbortSignal` (its reason is kept, so an abort
 * rejects with the caller's reason) with a deadline after `timeoutMs`
 * (aborts with `onTimeout()`). Written out by hand rather than with
 * `AbortSignal.any`/`AbortSignal.timeout` so fake timers and older runtimes work.
 */
export function callSignal(
  caller: AbortSignal | undefined,
  timeoutMs: number | undefined,
  onTimeout: () => unknown,
): CallSignal {
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(caller?.reason);
  if (caller?.aborted) controller.abort(caller.reason);
  else caller?.addEventListener("abort", onAbort, { once: true });
  const timer =
    timeoutMs !== undefined && Number.isFinite(timeoutMs) && !controller.signal.aborted
      ? setTimeout(() => controller.abort(onTimeout()), timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    dispose: () => {
      caller?.removeEventListener("abort", onAbort);
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}

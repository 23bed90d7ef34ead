import { IndexedHeap } from "./indexed-heap.js";
import type { JobLike } from "./types.js";
import type { WaitRun } from "./wait-run.js";

/**
 * A wait as the watcher's scheduler sees it: its places in the two heaps, its
 * next poll time, the request in flight and the abort listener to remove.
 */
export class ScheduledWait<J extends JobLike> {
  /** Positions in the watcher's heaps (-1: not in). */
  pollSlot = -1;
  deadlineSlot = -1;
  /** Next poll time, while in the poll heap. */
  dueAt = 0;
  /** The request in flight, if any. */
  request: AbortController | undefined;
  private onAbort: (() => void) | undefined;

  constructor(readonly run: WaitRun<J>) {}

  /** Deadline of the wait. */
  get deadlineAt(): number {
    return this.run.deadlineAt;
  }

  /** Listens to the wait's `signal`, if it has one. */
  attachSignal(onAbort: () => void): void {
    const signal = this.run.options.signal;
    if (signal === undefined) return;
    this.onAbort = onAbort;
    signal.addEventListener("abort", onAbort, { once: true });
  }

  /** Stops listening, so that a long-lived signal does not keep the wait alive. */
  detachSignal(): void {
    if (this.onAbort !== undefined) this.run.options.signal?.removeEventListener("abort", this.onAbort);
    this.onAbort = undefined;
  }

  /** Ends its part in scheduling: stops listening to the signal and hands back the request in flight, if any, to abort. */
  release(): AbortController | undefined {
    this.detachSignal();
    const request = this.request;
    this.request = undefined;
    return request;
  }
}

/** A heap of waits ordered by next poll time. */
export function heapByNextPoll<J extends JobLike>(): IndexedHeap<ScheduledWait<J>> {
  return new IndexedHeap((e) => e.dueAt, { get: (e) => e.pollSlot, set: (e, i) => void (e.pollSlot = i) });
}

/** A heap of waits ordered by deadline. */
export function heapByDeadline<J extends JobLike>(): IndexedHeap<ScheduledWait<J>> {
  return new IndexedHeap((e) => e.deadlineAt, { get: (e) => e.deadlineSlot, set: (e, i) => void (e.deadlineSlot = i) });
}

// The one `setTimeout` wrapper of the package, in a module of its own: the client's calls, the wait engine and the shared
// watcher use it, and a getJob-only bundle must not carry the engine to get it.

/** Longest `setTimeout` delay that does not overflow (about 24.8 days); a later time fires early and re-arms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** `setTimeout` within its range: a longer delay fires at `MAX_TIMER_MS` (the engine then re-arms; a call ends there). */
export const setTimer = (fire: () => void, delayMs: number) => setTimeout(fire, Math.min(MAX_TIMER_MS, Math.max(0, delayMs)));

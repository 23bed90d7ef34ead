import { UsageError } from "./usage-error.js";

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000 } as const;
const PART = /(\d+(?:\.\d+)?)([smh])/gy;

/**
 * Parses a `--timeout` value: one or more `<number><unit>` parts with units
 * `s`, `m`, `h` — `90s`, `30m`, `1.5h`, `1h30m`. A bare number is refused
 * rather than guessed (seconds? minutes?).
 *
 * @throws UsageError naming `option` when the value is malformed or not positive.
 * @example parseDuration("1h30m") // 5_400_000
 */
export function parseDuration(value: string, option = "--timeout"): number {
  const text = value.trim().toLowerCase();
  const hint = "use a number with a unit: 90s, 30m, 2h or 1h30m";
  if (text === "") throw new UsageError(option, `${option} is empty`, hint);
  let total = 0;
  PART.lastIndex = 0;
  let end = 0;
  for (let match = PART.exec(text); match !== null; match = PART.exec(text)) {
    total += Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    end = PART.lastIndex;
  }
  if (end !== text.length) throw new UsageError(option, `${option} "${value}" is not a duration`, hint);
  const ms = Math.round(total);
  if (ms < 1 || !Number.isSafeInteger(ms)) throw new UsageError(option, `${option} "${value}" must be longer than 0`, hint);
  return ms;
}

/**
 * Formats a duration the way a person reads it in a progress line:
 * `850ms`, `12s`, `1m 02s`, `30m`, `1h 05m`, `2h`.
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return "?";
  if (ms < 1000) return `${Math.round(ms)}ms`;
  const seconds = Math.floor(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  // A round value reads as the user typed it: "--timeout 30m" times out "after 30m".
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m ${String(seconds % 60).padStart(2, "0")}s`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours}h` : `${hours}h ${String(minutes % 60).padStart(2, "0")}m`;
}

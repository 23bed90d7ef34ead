import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.js";
import { UsageError } from "./usage-error.js";

describe("parseDuration", () => {
  it.each([
    ["90s", 90_000],
    ["30m", 1_800_000],
    ["2h", 7_200_000],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    [" 10S ", 10_000],
  ])("reads %s as %i ms", (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(["", "30", "m", "30 m", "30d", "-5m", "0s", "1h-30m", "5m extra"])("refuses %j with a usage error", (text) => {
    expect(() => parseDuration(text)).toThrow(UsageError);
  });

  it("names the option and suggests units when it refuses a value", () => {
    const error = (() => {
      try {
        parseDuration("30", "--timeout");
      } catch (e) {
        return e as UsageError;
      }
    })();
    expect(error?.option).toBe("--timeout");
    expect(error?.message).toContain('"30"');
    expect(error?.hint).toMatch(/30m/);
  });
});

describe("formatDuration", () => {
  it.each([
    [850, "850ms"],
    [12_400, "12s"],
    [62_000, "1m 02s"],
    [1_800_000, "30m"],
    [3_900_000, "1h 05m"],
    [7_200_000, "2h"],
    [-1, "?"],
  ])("formats %i ms as %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

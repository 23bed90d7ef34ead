import { RETRYABLE_STATUSES } from "@cloud-jobs/client/internal";
import { describe, expect, it } from "vitest";
import { catalogue } from "@cloud-jobs/spec/catalogue";
import { duration, pollingCostTable, retryComparisonTable } from "./polling.js";

describe("the polling page", () => {
  it("finds the contract and the client agreeing on which statuses to retry", () => {
    for (const s of catalogue.errors) expect(RETRYABLE_STATUSES.has(s.status), String(s.status)).toBe(s.retryable);
    expect(retryComparisonTable(catalogue.errors)).not.toContain("differs");
  });

  it("says what a wait does for each status: 5xx keeps it going, Common.0011 and other 4xx end it", () => {
    const html = retryComparisonTable(catalogue.errors);
    const row = (status: string) => html.split("\n").find((line) => line.startsWith(`| \`${status}\` |`)) ?? "";
    expect(row("500")).toContain("does not retry");
    expect(row("500")).toContain("keeps waiting");
    expect(row("503")).toContain("keeps waiting");
    expect(row("429")).toContain("slows down, keeps waiting");
    expect(row("401")).toContain("ends the wait");
    expect(row("400")).toMatch(/Common\.0011.*ends: job not found/);
    expect(row("400")).toContain("ends the wait");
  });

  it("shows fewer requests for the adaptive policy than for 1-s polling on a one-hour job", () => {
    const row = pollingCostTable().match(/^\| 1 h \| (\d+) requests.*? \| (\d+) requests/m);
    expect(row).not.toBeNull();
    expect(Number(row?.[1])).toBeLessThan(Number(row?.[2]) / 10);
  });

  it("writes durations the way people read them", () => {
    expect([500, 1500, 90_000, 5_400_000].map(duration)).toEqual(["500 ms", "1.5 s", "1.5 min", "1.5 h"]);
  });
});

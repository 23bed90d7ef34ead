import { afterEach, describe, expect, it, vi } from "vitest";
import type { OutputStream } from "../src/io.js";
import { createProgressDisplay, type ProgressSnapshot } from "../src/progress.js";

function recorder(isTTY: boolean): OutputStream & { text: () => string } {
  const chunks: string[] = [];
  return { isTTY, columns: 120, rows: 40, write: (chunk: string) => chunks.push(chunk), text: () => chunks.join("") };
}

const snapshot = (status: string, done: number, elapsedMs: number, failed = 0): ProgressSnapshot => ({
  status,
  subJobs: { total: 3, succeeded: done - failed, failed },
  elapsedMs,
});

// Cursor up, erase line: how log-update redraws a frame in place.
const REDRAW = /\u001B\[(\d+A|2K)/;

afterEach(() => {
  vi.useRealTimers();
});

describe("createProgressDisplay on a pipe", () => {
  it("prints one plain line per change of status or sub-job counts", () => {
    const out = recorder(false);
    const display = createProgressDisplay(out, "job-1");
    display.update(snapshot("INIT", 0, 100));
    display.update(snapshot("RUNNING", 0, 2_000));
    display.update(snapshot("RUNNING", 0, 4_000));
    display.update(snapshot("RUNNING", 2, 9_000));
    display.update(snapshot("FAIL", 3, 12_000, 1));
    display.finish();
    expect(out.text()).toBe(
      [
        "INIT  sub-jobs 0/3  elapsed 0s",
        "RUNNING  sub-jobs 0/3  elapsed 2s",
        "RUNNING  sub-jobs 2/3  elapsed 9s",
        "FAIL  sub-jobs 3/3, 1 failed  elapsed 12s",
        "",
      ].join("\n"),
    );
  });

  it("writes no escape codes", () => {
    const out = recorder(false);
    const display = createProgressDisplay(out, "job-1");
    display.update(snapshot("RUNNING", 1, 1_000));
    display.retrying("HTTP 503 from ecs (HTTP_503): unreadable body");
    display.finish();
    expect(out.text()).not.toMatch(/\u001B/);
    expect(out.text()).toContain("retrying: HTTP 503");
  });
});

describe("createProgressDisplay on a terminal", () => {
  it("redraws one frame in place with status, sub-jobs and elapsed time", () => {
    const out = recorder(true);
    const display = createProgressDisplay(out, "job-1");
    display.update(snapshot("RUNNING", 1, 1_000));
    display.update(snapshot("RUNNING", 2, 5_000));
    display.finish();
    const text = out.text();
    expect(text).toContain("job job-1  RUNNING  sub-jobs 2/3");
    expect(text).toMatch(REDRAW);
  });

  it("ticks the elapsed time between polls", () => {
    vi.useFakeTimers();
    let now = 0;
    const out = recorder(true);
    const display = createProgressDisplay(out, "job-1", () => now);
    display.update(snapshot("RUNNING", 1, 10_000));
    now = 3_000;
    vi.advanceTimersByTime(3_000);
    expect(out.text()).toContain("elapsed 13s");
    display.finish();
  });

  it("stops ticking once finished", () => {
    vi.useFakeTimers();
    const out = recorder(true);
    const display = createProgressDisplay(out, "job-1");
    display.update(snapshot("SUCCESS", 3, 1_000));
    display.finish();
    const length = out.text().length;
    vi.advanceTimersByTime(10_000);
    expect(out.text().length).toBe(length);
  });
});

import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { busiestWindow, medianInterval, pairedRatios, quantile, summarize } from "../src/lib/measure.js";

describe("summarize", () => {
  it("gives the median and quartiles of repeated measurements", () => {
    const s = summarize([5, 1, 4, 2, 3]);
    assert.deepEqual(s, { n: 5, median: 3, p25: 2, p75: 4, min: 1, max: 5 });
  });

  it("interpolates between order statistics", () => {
    assert.equal(quantile([1, 2, 3, 4], 0.5), 2.5);
    assert.equal(quantile([10, 20], 0.25), 12.5);
  });

  it("refuses a measurement that is not a finite number", () => {
    assert.throws(() => summarize([1, Number.NaN]), RangeError);
    assert.throws(() => summarize([]), RangeError);
  });
});

describe("pairedRatios", () => {
  it("divides round by round", () => {
    assert.deepEqual(pairedRatios([2, 9], [1, 3]), [2, 3]);
  });

  it("refuses series of different lengths", () => {
    assert.throws(() => pairedRatios([1], [1, 2]), RangeError);
  });
});

describe("busiestWindow", () => {
  it("counts the most timestamps in any window [t, t + 1000)", () => {
    assert.equal(busiestWindow([0, 10, 999, 1000, 1500, 1998]), 4); // 999, 1000, 1500, 1998
  });

  it("does not count a timestamp exactly one window later", () => {
    assert.equal(busiestWindow([0, 1000, 2000]), 1);
    assert.equal(busiestWindow([]), 0);
  });
});

describe("medianInterval", () => {
  it("brackets the median with order statistics that widen as samples get fewer", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1); // 1..100
    assert.deepEqual(medianInterval(values), { low: 40, high: 61 });
    const few = medianInterval([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.ok(few.low <= 2 && few.high >= 8);
  });
});

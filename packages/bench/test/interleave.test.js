import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { runInterleaved } from "../src/lib/measure.js";
import { BenchError } from "../src/lib/report.js";

describe("runInterleaved", () => {
  it("rotates the order of the contenders every round", async () => {
    /** @type {string[]} */
    const order = [];
    const contender = (/** @type {string} */ name) => ({ name, call: async () => void order.push(name) });
    const run = await runInterleaved({ contenders: [contender("a"), contender("b"), contender("c")], rounds: 3, batch: 1, warmupRounds: 0, minRounds: 3 });
    assert.deepEqual(order, ["a", "b", "c", "b", "c", "a", "c", "a", "b"]);
    assert.equal(run.rounds, 3);
    assert.deepEqual(run.results[0]?.wall.ratio.median, 1); // the baseline against itself
  });

  it("stops the run with CONTENDER_FAILED when a contender throws", async () => {
    const broken = { name: "broken", call: async () => Promise.reject(new Error("boom")) };
    const fine = { name: "fine", call: async () => {} };
    await assert.rejects(
      runInterleaved({ contenders: [fine, broken], rounds: 2, batch: 2, warmupRounds: 0 }),
      (error) => error instanceof BenchError && error.code === "CONTENDER_FAILED" && /broken/.test(error.message),
    );
  });
});

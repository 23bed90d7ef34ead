import { describe, expect, it } from "vitest";
import { FaultSyntaxError, parseFaults } from "./parse-faults.js";

describe("parseFaults", () => {
  it("reads status faults with their defaults and parameters", () => {
    expect(parseFaults("429;retry-after=2")).toEqual([{ kind: "status", status: 429, retryAfter: "2", format: "json" }]);
    expect(parseFaults("502")).toEqual([{ kind: "status", status: 502, format: "html" }]);
    expect(parseFaults("503;HTML")).toEqual([{ kind: "status", status: 503, format: "html" }]);
  });

  it("reads a list: delays, then the fault that decides, commas in an HTTP date kept", () => {
    expect(parseFaults("delay=250, 429;retry-after=Wed, 21 Oct 2026 07:28:00 GMT")).toEqual([
      { kind: "delay", ms: 250 },
      { kind: "status", status: 429, retryAfter: "Wed, 21 Oct 2026 07:28:00 GMT", format: "json" },
    ]);
    expect(parseFaults("delay;ms=5,reset")).toEqual([{ kind: "delay", ms: 5 }, { kind: "reset" }]);
    expect(parseFaults("truncate;bytes=3")).toEqual([{ kind: "truncate", bytes: 3 }]);
  });

  it.each(["", "418", "delay", "delay=-1", "delay=600000", "reset;now", "429;retry-after", "truncate;bytes=x", "1,2,3,4,5,6", "429=1"])(
    "refuses %j with a FaultSyntaxError",
    (input) => {
      expect(() => parseFaults(input)).toThrow(FaultSyntaxError);
    },
  );
});

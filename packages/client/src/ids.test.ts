import { describe, expect, it } from "vitest";
import { assertJobId, assertProjectId, isSafeId } from "./ids.js";

describe("assertJobId", () => {
  it("accepts 32-hex ids and hyphenated UUIDs", () => {
    expect(() => assertJobId("ff80808288d41e1b018990260955686a")).not.toThrow();
    expect(() => assertJobId("70a599e0-31e7-49b7-b260-868f441e862b")).not.toThrow();
  });

  it.each([
    ["../secrets", "path separator or dot segment"],
    ["..", "path separator or dot segment"],
    ["a/b", "path separator or dot segment"],
    ["abc?x=1", '"?" or "#"'],
    ["abc#frag", '"?" or "#"'],
    ["abc%2Fdef", "percent-encoded"],
    ["abc def", "whitespace"],
    ["abc\n", "whitespace"],
    ["", "must not be empty"],
    ["a".repeat(65), "at most 64 characters"],
    ["abc;def", 'may only contain letters, digits, "-" and "_"'],
  ])("rejects %j with a clear reason", (value, reason) => {
    expect(() => assertJobId(value)).toThrowError(expect.objectContaining({ name: "InvalidArgumentError", argument: "jobId", code: "INVALID_ARGUMENT" }));
    expect(() => assertJobId(value)).toThrow(reason);
  });

  it("rejects non-strings from untyped callers", () => {
    expect(() => assertJobId(42)).toThrow("must be a string, got number");
    expect(() => assertJobId(null)).toThrow("got null");
  });
});

describe("assertProjectId", () => {
  it("names the argument projectId", () => {
    expect(() => assertProjectId("..")).toThrowError(expect.objectContaining({ argument: "projectId" }));
    expect(isSafeId("0605768a6f80d5762f52c0150e726aa7")).toBe(true);
  });
});

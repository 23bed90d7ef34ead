import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // The machine has two noisy cores; property tests and loopback servers need headroom.
    testTimeout: 30_000,
  },
});

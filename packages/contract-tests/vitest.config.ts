import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Prism takes a few seconds to start on two noisy cores; the rest runs on loopback.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/check-build.ts"],
    // End-to-end tests spawn the built binary (a fresh Node process each) on two noisy cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

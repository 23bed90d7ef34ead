import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Loopback servers and floods on two noisy cores need headroom.
    testTimeout: 30_000,
  },
});

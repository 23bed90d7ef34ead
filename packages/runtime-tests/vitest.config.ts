import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Bun, Deno and Chromium start cold on two busy cores; the browser is unpacked on first use.
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});

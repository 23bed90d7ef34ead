import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    // A ceiling, not an assertion: the 10 000-run property test and the 10 000-wait watcher
    // test take seconds alone but minutes when the test line runs packages side by side on 2 cores.
    testTimeout: 180_000,
  },
});

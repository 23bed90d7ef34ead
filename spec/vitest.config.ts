import { defineConfig } from "vitest/config";

// Generic on purpose: the rule tests live in test/rules/, other spec tests
// (bundle checks, examples) may sit anywhere under test/.
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Bundling the ruleset with rollup takes a second or two per test file on
    // a busy two-core machine; this is a ceiling, not an assertion.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

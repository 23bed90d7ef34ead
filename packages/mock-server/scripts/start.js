#!/usr/bin/env node
// `pnpm start` (through turbo): the mock server on 127.0.0.1:4010 with a few simulated jobs
// of each service, the built docs on 127.0.0.1:4011, and what to try. Ctrl-C stops both.
import { runDemo } from "../dist/index.js";

process.exitCode = await runDemo(process.argv.slice(2));

#!/usr/bin/env node
import { runMockCli } from "../dist/index.js";
process.exitCode = await runMockCli(process.argv.slice(2));

// `node|bun|deno run-scenarios.js <mock-url>`: runs scenarios.js and prints its report as one JSON line.
import { runScenarios } from "./scenarios.js";

const endpoint = globalThis.Deno ? globalThis.Deno.args[0] : globalThis.process.argv[2];
console.log(JSON.stringify(await runScenarios(endpoint)));

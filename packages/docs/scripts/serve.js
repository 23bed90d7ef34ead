#!/usr/bin/env node
// Serves the built docs on 127.0.0.1: `node scripts/serve.js [port] [--host <address>]` (port 0 or none: any free port).
import { serveDocs } from "../lib/serve-docs.js";

const args = process.argv.slice(2);
const hostAt = args.indexOf("--host");
const host = hostAt >= 0 ? args[hostAt + 1] : undefined;
const portArg = args.find((a, i) => !a.startsWith("--") && i !== hostAt + 1);
const port = portArg === undefined ? 0 : Number(portArg);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`usage: node scripts/serve.js [port] [--host <address>]  (got port "${portArg}")`);
  process.exit(2);
}
try {
  const docs = await serveDocs({ port, host });
  console.log(`docs: ${docs.url}  (reference: ${docs.url}reference.html) — Ctrl-C to stop`);
  const stop = () => void docs.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

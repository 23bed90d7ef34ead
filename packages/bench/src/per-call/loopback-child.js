// The per-call target, run as a child process so that serving neither shares
// the measured event loop nor counts in the measured process's CPU time: one
// fixed job body for the one job path, 401 without an auth header (so a
// contender that forgets to authenticate fails loudly), 404 for anything else.
// No validation, no signature check: the server costs the same for every contender.
import { createServer } from "node:http";

const body = process.env["BENCH_JOB_BODY"] ?? "";
const path = process.env["BENCH_JOB_PATH"] ?? "";
const ok = Buffer.from(body);
const unauthorized = Buffer.from(JSON.stringify({ error_code: "APIGW.0301", error_msg: "no auth header" }));
const notFound = Buffer.from(JSON.stringify({ error: { code: "Common.0011", message: "no such path" } }));

const server = createServer((request, response) => {
  const authenticated = request.headers["x-auth-token"] !== undefined || request.headers["authorization"] !== undefined;
  const [status, payload] = request.url !== path ? [404, notFound] : authenticated ? [200, ok] : [401, unauthorized];
  response.writeHead(status, { "Content-Type": "application/json", "Content-Length": payload.length, "X-Request-Id": "bench" });
  response.end(payload);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address !== null ? address.port : 0 });
});
// The parent going away (or asking) ends the server.
process.on("disconnect", () => process.exit(0));

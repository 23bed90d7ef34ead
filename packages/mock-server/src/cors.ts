import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * CORS for a page on another origin (a browser app or test calling the mock
 * directly), on with `startMockServer({ cors: true })` or `--cors`. Every
 * answer allows any origin and exposes its headers (`X-Request-Id`,
 * `Retry-After`); a preflight (`OPTIONS` with `Access-Control-Request-Method`)
 * is answered 204 with the methods and headers it asked for, `Authorization`
 * and `X-Sdk-Date` of a signed request included. No credentials mode: the
 * client sends its credentials as headers, never as cookies.
 * Returns `true` when the request was a preflight and has been answered.
 */
export function answerCors(req: IncomingMessage, res: ServerResponse): boolean {
  res.setHeader("Access-Control-Allow-Origin", "*");
  res.setHeader("Access-Control-Expose-Headers", "*");
  const method = req.headers["access-control-request-method"];
  if (req.method !== "OPTIONS" || method === undefined) return false;
  res.writeHead(204, {
    "Access-Control-Allow-Methods": "GET, HEAD, POST, DELETE",
    "Access-Control-Allow-Headers": req.headers["access-control-request-headers"] ?? "",
    "Access-Control-Max-Age": "600",
    Vary: "Access-Control-Request-Headers",
  });
  res.end();
  return true;
}

import type { Middleware } from "openapi-fetch";
import type { AkSkAuth } from "./client-options.js";

/**
 * openapi-fetch middleware that signs each request with SDK-HMAC-SHA256:
 * `X-Project-Id` is added, then the request is signed, `Host` included
 * (fetch sends the URL's host, the value signed). The signer is loaded on
 * first use, so bundles of token-only apps can leave it in a chunk of its own.
 */
export function signingMiddleware(auth: AkSkAuth, projectId: string): Middleware {
  let signer: Promise<typeof import("./auth/signer.js")> | undefined;
  return {
    async onRequest({ request }) {
      const headers = new Headers(request.headers);
      headers.set("X-Project-Id", projectId);
      const toSign = new Headers(headers);
      toSign.set("Host", new URL(request.url).host);
      const { signRequest } = await (signer ??= import("./auth/signer.js"));
      const signed = await signRequest({ method: request.method, url: request.url, headers: toSign }, auth);
      for (const [name, value] of Object.entries(signed.headers)) headers.set(name, value);
      return new Request(request, { headers });
    },
  };
}

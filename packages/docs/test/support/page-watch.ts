import type { Page } from "playwright-core";

/** What went wrong while a page was open: console errors, uncaught exceptions, failed requests, requests to other hosts. */
export interface PageProblems {
  readonly consoleErrors: string[];
  readonly pageErrors: string[];
  readonly failedRequests: string[];
  readonly foreignRequests: string[];
}

/**
 * Records problems on `page` from now on. `origin` is the docs server
 * (`http://127.0.0.1:<port>`); `data:` and `blob:` URLs never leave the
 * machine and are allowed (Redoc's search runs in a blob worker).
 */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.pageErrors.push(error.message));
  page.on("requestfailed", (request) => problems.failedRequests.push(`${request.url()} (${request.failure()?.errorText ?? "?"})`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()} (HTTP ${response.status()})`);
  });
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(`${origin}/`) && !url.startsWith("data:") && !url.startsWith("blob:")) problems.foreignRequests.push(url);
  });
  return problems;
}

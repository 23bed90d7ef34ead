import { getEventListeners } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createJobsClient } from "../src/index.js";
import { EVS_RUNNING, JOB_ID, PROJECT_ID, json, scriptedFetch } from "./helpers.js";

const base = { service: "evs" as const, projectId: PROJECT_ID, endpoint: "https://evs.eu-de.otc.t-systems.com", retry: { random: () => 0 } };

afterEach(() => {
  vi.useRealTimers();
});

describe("retries, timeouts and aborts", () => {
  it("retries 503 and a network error, then returns the job", async () => {
    const fetch = scriptedFetch(
      () => new Response("", { status: 503 }),
      () => {
        throw new TypeError("fetch failed");
      },
      () => json(EVS_RUNNING),
    );
    const onRetry = vi.fn();
    const job = await createJobsClient({ ...base, auth: { token: "t0ken" }, fetch, retry: { random: () => 0, onRetry } }).getJob(JOB_ID);
    expect(job.job_id).toBe(EVS_RUNNING.job_id);
    expect(onRetry.mock.calls.map(([e]) => e.error.code)).toEqual(["HTTP_503", "NETWORK_ERROR"]);
  });

  it("retries a 202 flow-limit answer (Common.0024)", async () => {
    const fetch = scriptedFetch(() => json({ code: "Common.0024", message: "Flow limit exceeded." }, 202), () => json(EVS_RUNNING));
    await expect(createJobsClient({ ...base, auth: { token: "t0ken" }, fetch }).getJob(JOB_ID)).resolves.toMatchObject({ status: "RUNNING" });
    expect(fetch.requests).toHaveLength(2);
  });

  it("sends exactly one request with retry: false", async () => {
    const fetch = scriptedFetch(() => new Response("", { status: 503 }));
    await expect(createJobsClient({ ...base, auth: { token: "t0ken" }, fetch }).getJob(JOB_ID, { retry: false })).rejects.toMatchObject({ code: "HTTP_503" });
    expect(fetch.requests).toHaveLength(1);
  });

  it("times out a request whose fetch never answers, even if fetch ignores the signal", async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(() => new Promise<Response>(() => {}));
    const pending = createJobsClient({ ...base, auth: { token: "t0ken" }, fetch, timeoutMs: 5000 }).getJob(JOB_ID);
    const settled = expect(pending).rejects.toMatchObject({ code: "TIMEOUT", status: undefined, retryable: true });
    await vi.advanceTimersByTimeAsync(5000);
    await settled;
    expect(vi.getTimerCount()).toBe(0);
  });

  it("times out during backoff and names the error before it", async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(() => new Response("", { status: 503, headers: { "retry-after": "30" } }));
    const pending = createJobsClient({ ...base, auth: { token: "t0ken" }, fetch, timeoutMs: 10_000 }).getJob(JOB_ID);
    const settled = expect(pending).rejects.toMatchObject({ code: "TIMEOUT", cause: { code: "HTTP_503" } });
    await vi.advanceTimersByTimeAsync(10_000);
    await settled;
    expect(fetch.requests).toHaveLength(1);
  });

  it("rejects with the caller's abort reason and aborts the request's signal", async () => {
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const fetch = scriptedFetch((request) => {
      seen = request.signal;
      return new Promise<Response>(() => {});
    });
    const pending = createJobsClient({ ...base, auth: { token: "t0ken" }, fetch }).getJob(JOB_ID, { signal: controller.signal });
    await vi.waitFor(() => expect(seen).toBeDefined());
    const reason = new Error("user cancelled");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(seen?.aborted).toBe(true);
  });

  it("keeps a deadline longer than setTimeout can hold (24.8 days) instead of firing at once", async () => {
    vi.useFakeTimers();
    const fetch = scriptedFetch(() => new Promise<Response>((resolve) => setTimeout(() => resolve(json(EVS_RUNNING)), 50)));
    const call = createJobsClient({ ...base, auth: { token: "t0ken" }, fetch, timeoutMs: 2 ** 40 }).getJob(JOB_ID);
    const outcome = call.then(() => "job", (e: { code?: string }) => e.code);
    await vi.advanceTimersByTimeAsync(100);
    expect(await outcome).toBe("job");
  });

  it("leaves no listener on the caller's signal and no timer armed, however a call ends", async () => {
    vi.useFakeTimers();
    const signal = new AbortController().signal; // one signal for many calls, as a long-lived app passes it
    const answers = [() => json(EVS_RUNNING), () => json({ error_code: "APIGW.0301", error_msg: "bad token" }, 401), () => Promise.reject(new TypeError("fetch failed"))];
    const fetch = scriptedFetch(() => answers[(fetch.requests.length - 1) % answers.length]!());
    const client = createJobsClient({ ...base, auth: { token: "t0ken" }, fetch, retry: false });
    const outcomes = await Promise.allSettled(answers.map(() => client.getJob(JOB_ID, { signal })));
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected"]);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
    const late = new AbortController();
    const pending = client.getJob(JOB_ID, { signal: late.signal, timeoutMs: 60_000 });
    expect(getEventListeners(late.signal, "abort")).toHaveLength(1);
    late.abort("stop");
    await expect(pending).rejects.toBe("stop");
    expect(getEventListeners(late.signal, "abort")).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once when the signal is already aborted, sending nothing", async () => {
    const fetch = scriptedFetch(() => json(EVS_RUNNING));
    await expect(createJobsClient({ ...base, auth: { token: "t0ken" }, fetch }).getJob(JOB_ID, { signal: AbortSignal.abort("early") })).rejects.toBe("early");
    expect(fetch.requests).toHaveLength(0);
  });
});

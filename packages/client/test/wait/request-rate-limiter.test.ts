import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RequestRateLimiter } from "../api.js";

/** Asks the limiter and, when it allows, records a request answered at once: what the watcher does for each poll. */
const tryAcquire = (limiter: RequestRateLimiter, now: number): boolean => limiter.allows(now) && (limiter.record(now), limiter.release(now), true);
/** Requests that may start together under a cap of `rate` per second: 10 ms worth, at least 1. */
const burstOf = (rate: number): number => Math.max(1, Math.ceil(rate / 100));

describe("RequestRateLimiter", () => {
  it("spaces requests 1/N s apart after a burst of ceil(N / 100)", () => {
    const limiter = new RequestRateLimiter(500);
    expect(burstOf(500)).toBe(5);
    expect(Array.from({ length: 8 }, () => tryAcquire(limiter, 0))).toEqual([true, true, true, true, true, false, false, false]);
    expect(limiter.nextAllowedAt(0)).toBe(2);
    expect(tryAcquire(limiter, 1)).toBe(false);
    expect([tryAcquire(limiter, 2), tryAcquire(limiter, 2)]).toEqual([true, false]);
    expect(limiter.nextAllowedAt(3)).toBe(4);
  });

  it("lets one request go at a time at low rates, the next one 1/N s later", () => {
    const limiter = new RequestRateLimiter(3);
    expect(burstOf(3)).toBe(1);
    expect([tryAcquire(limiter, 0), tryAcquire(limiter, 0)]).toEqual([true, false]);
    expect(limiter.nextAllowedAt(0)).toBe(334); // 333.3 ms, on the next whole millisecond
    expect(tryAcquire(limiter, 333)).toBe(false);
    expect(tryAcquire(limiter, 334)).toBe(true);
  });

  it("keeps the one-second cap when the initial burst and the pace together would exceed it", () => {
    const limiter = new RequestRateLimiter(500);
    const sent: number[] = [];
    for (let t = 0; t <= 2_000; t++) while (tryAcquire(limiter, t)) sent.push(t);
    // The pace alone would allow 5 at 0 ms, then one every 2 ms: 504 in the first second.
    expect(sent.filter((t) => t <= 1_000)).toHaveLength(500);
    expect(limiter.nextAllowedAt(2_000)).toBeGreaterThan(2_000);
  });

  it("spaces requests 1/rate apart below one request per second", () => {
    const limiter = new RequestRateLimiter(0.25);
    expect(tryAcquire(limiter, 0)).toBe(true);
    expect(tryAcquire(limiter, 4_000)).toBe(false);
    expect(tryAcquire(limiter, 4_001)).toBe(true);
  });

  it("never lets more than floor(rate) requests into any one-second window, whatever the request times", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1_000, noNaN: true }), fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 2_000 }), (rate, gaps) => {
        const limiter = new RequestRateLimiter(rate);
        const sent: number[] = [];
        let t = 0;
        for (const gap of gaps) {
          t += gap;
          while (tryAcquire(limiter, t)) sent.push(t);
        }
        const cap = Math.floor(rate);
        // Strictly more than 1000 ms: stamps are whole milliseconds of a finer real clock.
        for (let i = cap; i < sent.length; i++) expect((sent[i] ?? 0) - (sent[i - cap] ?? 0)).toBeGreaterThan(1_000);
      }),
    );
  });

  it("never starts more than the burst within any 1/N-s slice, whatever the request times", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 1_000 }), (rate, gaps) => {
        const limiter = new RequestRateLimiter(rate);
        const burst = burstOf(rate);
        const sent: number[] = [];
        let t = 0;
        for (const gap of gaps) {
          t += gap;
          while (tryAcquire(limiter, t)) sent.push(t);
        }
        // Request i and request i + burst are at least one interval apart.
        for (let i = burst; i < sent.length; i++) expect((sent[i] ?? 0) - (sent[i - burst] ?? 0)).toBeGreaterThanOrEqual(1_000 / rate);
      }),
    );
  });

  it("holds a request's place from its send until one second after its answer: a slow request delays the next ones", () => {
    const limiter = new RequestRateLimiter(2);
    limiter.record(0);
    limiter.record(500);
    expect(limiter.allows(1_200)).toBe(false); // both in flight: either may reach the server now
    expect(limiter.nextAllowedAt(1_200)).toBe(Number.POSITIVE_INFINITY); // only an answer frees a place
    limiter.release(1_500);
    expect(limiter.allows(2_000)).toBe(false);
    expect(limiter.nextAllowedAt(2_000)).toBe(2_501);
    expect(limiter.allows(2_501)).toBe(true);
  });

  it("never lets more than floor(rate) requests arrive in any one-second window, each arriving anywhere between its send and its answer", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 300 }), latency: fc.integer({ min: 0, max: 3_000 }), at: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 400 }),
        (rate, plan) => {
          const limiter = new RequestRateLimiter(rate);
          const arrivals: number[] = [];
          const answers: number[] = []; // answer times of requests in flight
          let t = 0;
          for (const { gap, latency, at } of plan) {
            for (const end = t + gap; t <= end; t++) {
              for (const a of answers.filter((a) => a <= t)) (limiter.release(a), answers.splice(answers.indexOf(a), 1));
              if (t === end && limiter.allows(t)) {
                limiter.record(t);
                answers.push(t + latency);
                arrivals.push(t + at * latency);
              }
            }
          }
          arrivals.sort((a, b) => a - b);
          for (let i = rate; i < arrivals.length; i++) expect((arrivals[i] ?? 0) - (arrivals[i - rate] ?? 0)).toBeGreaterThanOrEqual(1_000);
        },
      ),
    );
  });

  it("pauses for Retry-After on a 429, halves the cap, and grows it back by a tenth per second", () => {
    const limiter = new RequestRateLimiter(20);
    limiter.onThrottle(1_000, 5_000, 900);
    expect(limiter.nextAllowedAt(1_000)).toBe(6_000);
    expect(tryAcquire(limiter, 5_999)).toBe(false);
    expect(limiter.nextAllowedAt(2_000)).toBe(6_000);
    expect(limiter.currentLimit(6_000)).toBe(10);
    expect(limiter.currentLimit(7_000)).toBe(12);
    expect(limiter.currentLimit(11_000)).toBe(20);
    expect(limiter.currentLimit(60_000)).toBe(20);
  });

  it("pauses 1, 2, 4 … s for 429s in a row without Retry-After, and starts over after a success", () => {
    const limiter = new RequestRateLimiter(10);
    limiter.onThrottle(0, undefined, 0);
    expect(limiter.nextAllowedAt(0)).toBe(1_000);
    limiter.onThrottle(1_100, undefined, 1_000);
    expect(limiter.nextAllowedAt(1_100)).toBe(3_100);
    limiter.onThrottle(3_200, undefined, 3_100);
    expect(limiter.nextAllowedAt(3_200)).toBe(7_200);
    limiter.onSuccess();
    limiter.onThrottle(8_000, undefined, 7_900);
    expect(limiter.nextAllowedAt(8_000)).toBe(9_000);
  });

  it("reacts once to 429s of requests already in flight, but still honours their Retry-After", () => {
    const limiter = new RequestRateLimiter(16);
    limiter.onThrottle(100, 1_000, 50);
    limiter.onThrottle(110, 3_000, 60);
    expect(limiter.currentLimit(3_110)).toBe(8); // halved once, not twice
    expect(limiter.currentLimit(4_110)).toBe(8 + Math.ceil(16 / 10)); // recovery counts from the end of the pause
    expect(limiter.nextAllowedAt(110)).toBe(3_110);
  });

  it("with Infinity, only the 429 pause limits", () => {
    const limiter = new RequestRateLimiter(Number.POSITIVE_INFINITY);
    for (let i = 0; i < 1_000; i++) expect(tryAcquire(limiter, 0)).toBe(true);
    limiter.onThrottle(0, 2_000, 0);
    expect(tryAcquire(limiter, 1_999)).toBe(false);
    expect(tryAcquire(limiter, 2_000)).toBe(true);
  });
});

import assert from "node:assert/strict";
import { connect } from "node:net";
import { test } from "node:test";
import { findRedisServer, RedisMissingError, startRedis } from "../index.js";

/** Sends one inline command and returns the first line of the reply. */
function ask(port, command) {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${command}\r\n`));
    socket.once("data", (data) => (socket.end(), resolve(data.toString().split("\r\n")[0])));
    socket.once("error", reject);
  });
}

test("starts a redis-server that answers, stops it, and brings it back on the same port", async () => {
  const redis = await startRedis();
  try {
    assert.match(redis.url, /^redis:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(await ask(redis.port, "PING"), "+PONG");
    assert.match(await ask(redis.port, "INFO server"), /^\$\d+/);
    await redis.stop();
    await assert.rejects(ask(redis.port, "PING"), /ECONNREFUSED/);
    await redis.start();
    assert.equal(await ask(redis.port, "PING"), "+PONG");
  } finally {
    await redis.stop();
  }
});

test("a REDIS_SERVER that does not exist is a RedisMissingError saying what to set", () => {
  const saved = process.env.REDIS_SERVER;
  process.env.REDIS_SERVER = "/nonexistent/redis-server";
  try {
    assert.throws(() => findRedisServer(), (error) => error instanceof RedisMissingError && /REDIS_SERVER=\/nonexistent/.test(error.message));
  } finally {
    if (saved === undefined) delete process.env.REDIS_SERVER;
    else process.env.REDIS_SERVER = saved;
  }
});

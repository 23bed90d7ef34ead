// The default transport on Node: one GET through node:http(s) and their global keep-alive agents, the body read in full
// up to a cap. Loaded on the first request where `process.getBuiltinModule` hands out node:http and the runtime is Node
// itself (Bun's and Deno's node:http sit on their own fetch), so browser bundles never load it.
//
// Why not the global fetch: node:http takes about half of undici's CPU per request, and undici registers every response
// with a `FinalizationRegistry`, whose targets Node 20's young generation keeps alive. `pnpm bench` item 1 sets raw
// node:http beside raw fetch; item 4 (10,000 waits) peaked at 243 MB while the client sent through fetch, 159 MB now.

/** What a request's answer is read as: status, headers and the body's text, already read (up to the cap). */
export interface ReadAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly type: "basic";
  readonly headers: { get(name: string): string | null };
  /** Always `null`: the body is read already (`read`). */
  readonly body: null;
  readonly read: { readonly text: string; readonly truncated: boolean };
  text(): Promise<string>;
}

/** The part of a node:http request the transport needs (no Node types here: the shipped code compiles against the web). */
interface NodeEmitter {
  // each event has its own argument: a chunk, an error, none
  on(event: string, listener: (arg: any) => void): unknown;
}
interface NodeResponse extends NodeEmitter {
  readonly statusCode?: number;
  readonly statusMessage?: string;
  readonly headers: Record<string, string | string[] | undefined>;
  destroy(): void;
}
interface NodeRequest extends NodeEmitter {
  readonly reusedSocket: boolean;
  destroy(): void;
  end(): void;
}
type Options = { method: string; headers: Record<string, string> };
type NodeRequestFn = (url: string, options: Options, onResponse: (response: NodeResponse) => void) => NodeRequest;

const builtin = (id: string) => (globalThis as unknown as { process: { getBuiltinModule(id: string): { request: NodeRequestFn } } }).process.getBuiltinModule(id).request;
const requestFns: Record<string, NodeRequestFn | undefined> = { "http:": builtin("node:http"), "https:": builtin("node:https") };
const decoder = new TextDecoder();

/** What openapi-fetch hands the transport: the URL and the init as it built them. */
export interface TransportRequest {
  readonly url: string;
  readonly method?: string;
  readonly headers?: HeadersInit;
}

/** The call a request belongs to: whether it has ended, and where the transport hangs the cancel it runs when it does. */
export interface CallSlot {
  readonly aborted?: boolean | undefined;
  readonly reason: unknown;
  cancel: ((reason: unknown) => void) | undefined;
}

class Answer implements ReadAnswer {
  readonly ok: boolean;
  readonly type = "basic";
  readonly body = null;
  readonly headers: ReadAnswer["headers"];

  constructor(
    readonly status: number,
    readonly statusText: string,
    raw: Record<string, string | string[] | undefined>,
    readonly read: ReadAnswer["read"],
  ) {
    this.ok = status >= 200 && status < 300;
    this.headers = {
      get(name) {
        const value = raw[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
      },
    };
  }

  text(): Promise<string> {
    return Promise.resolve(this.read.text);
  }
}

/**
 * One request and its answer. The listeners node:http keeps (a kept-alive socket holds its last response's until it is
 * reused, seconds later at times) reach only this object, and `settle` empties it: nothing of the call (its promise, the
 * caller's frames) stays alive with an idle socket. With closures over the call instead, a process sending 500 raw
 * requests a second through this transport peaked 25 MB higher: what they held outlived the young generation.
 */
class Exchange {
  request: NodeRequest | undefined = undefined;
  answered = false;
  private chunks: Uint8Array[] = [];
  private received = 0;

  constructor(
    private slot: CallSlot | undefined,
    private resolve: ((answer: ReadAnswer) => void) | undefined,
    private reject: ((error: unknown) => void) | undefined,
  ) {}

  get settled(): boolean {
    return this.resolve === undefined;
  }

  settle(answer: ReadAnswer | undefined, error?: unknown): void {
    const { resolve, reject, slot } = this;
    if (resolve === undefined || reject === undefined) return;
    if (slot) slot.cancel = undefined;
    this.resolve = this.reject = this.slot = this.request = undefined;
    this.chunks = [];
    if (answer) resolve(answer);
    else reject(error);
  }

  cancel(reason: unknown): void {
    this.request?.destroy();
    this.settle(undefined, reason);
  }

  /** Keeps at most `limit` bytes; returns false once over it (the rest is dropped). */
  take(chunk: Uint8Array, limit: number): boolean {
    const room = limit - this.received;
    this.chunks.push(chunk.byteLength <= room ? chunk : chunk.subarray(0, room));
    this.received += Math.min(chunk.byteLength, room);
    return chunk.byteLength <= room;
  }

  text(): string {
    const { chunks, received } = this;
    if (chunks.length <= 1) return chunks.length === 0 ? "" : decoder.decode(chunks[0]);
    const all = new Uint8Array(received);
    let at = 0;
    for (const chunk of chunks) all.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
    return decoder.decode(all);
  }
}

function listen(exchange: Exchange, response: NodeResponse, okLimit: number, errorLimit: number): void {
  exchange.answered = true;
  const status = response.statusCode ?? 0;
  const limit = status >= 200 && status < 300 ? okLimit : errorLimit;
  const finish = (truncated: boolean): void => {
    if (exchange.settled) return;
    exchange.settle(new Answer(status, response.statusMessage ?? "", response.headers, { text: exchange.text(), truncated }));
  };
  response.on("data", (chunk: Uint8Array) => {
    if (exchange.settled || exchange.take(chunk, limit)) return;
    finish(true);
    response.destroy(); // the rest is not read: this connection is not reused
  });
  response.on("end", () => finish(false));
  response.on("error", (error: unknown) => exchange.settle(undefined, error));
  response.on("close", () => exchange.settle(undefined, new Error("the connection closed before the body ended")));
}

function send(exchange: Exchange, url: string, options: Options, limits: [number, number], retried: boolean): void {
  const request = (exchange.request = requestFns[url.slice(0, url.indexOf(":") + 1)]!(url, options, (response) => listen(exchange, response, ...limits)));
  request.on("error", (error: { code?: string } | undefined) => {
    if (exchange.settled) return;
    if (!exchange.answered && !retried && request.reusedSocket && error?.code === "ECONNRESET") send(exchange, url, options, limits, true);
    else exchange.settle(undefined, error);
  });
  request.end();
}

/**
 * Sends `request` and reads its answer: at most `okLimit` bytes of a 2xx body, `errorLimit` of any other (the rest is
 * dropped, the connection closed, and `read.truncated` set). Rejects with the call's reason if it has ended already, with
 * the reason `slot.cancel` is called with, and with the socket's error when there is no answer. A kept-alive connection the
 * server closed just as it was reused is retried once, as Node's documentation advises: the GET never reached the server.
 */
export function nodeHttpFetch(request: TransportRequest, slot: CallSlot, okLimit: number, errorLimit: number): Promise<ReadAnswer> {
  const { url } = request;
  if (slot.aborted) return Promise.reject(slot.reason);
  const headers: Record<string, string> = {};
  for (const [name, value] of request.headers instanceof Headers ? request.headers : new Headers(request.headers)) headers[name] = value;
  if (requestFns[url.slice(0, url.indexOf(":") + 1)] === undefined) return Promise.reject(new TypeError(`unsupported URL scheme in ${url}`));
  return new Promise<ReadAnswer>((resolve, reject) => {
    const exchange = new Exchange(slot, resolve, reject);
    slot.cancel = (reason) => exchange.cancel(reason);
    send(exchange, url, { method: request.method ?? "GET", headers }, [okLimit, errorLimit], false);
  });
}

import "server-only";
import net from "node:net";
import postgres from "postgres";

/**
 * A PostgreSQL server that hangs (stopped process, frozen host, a middlebox that keeps the TCP
 * connection but drops the traffic) closes nothing: postgres.js would wait on such a connection
 * forever, and every query pipelined behind it with it. `statement_timeout` cannot help, since the
 * server never answers. These sockets notice when the server owes an answer and has sent nothing
 * at all for `stallSeconds`, and destroy the connection; postgres.js then fails the waiting queries
 * and opens a fresh connection for the next one.
 *
 * A statement that runs long, or waits for a lock held by a long transaction, is silent too. So
 * before a stalled connection is dropped, the server is asked over a new connection whether it
 * answers at all (`serverAnswers`): if it does, the silence is work or a wait, and the connection is
 * left to it for another `stallSeconds`. (Migrations use their own connection, see db/migrate.ts.)
 * postgres.js has no such timeout of its own: porsager/postgres#1089 (open) is this very hang.
 */

/** postgres.js hands its parsed options to a custom socket factory; these are the ones used here. */
export interface SocketTarget {
  host: string[];
  port: number[];
  path?: string | false;
  ssl?: unknown;
}

const SYNC = 0x53; // 'S': ends every extended-protocol query; the server answers with ReadyForQuery
const QUERY = 0x51; // 'Q': a simple query; answered with ReadyForQuery too
const FLUSH = 0x48; // 'H': asks for what is pending (postgres.js describes a new statement so), no ReadyForQuery
const READY_FOR_QUERY = 0x5a; // 'Z'
const COPY_IN_RESPONSE = 0x47; // 'G': the server waits for COPY FROM STDIN data and owes nothing until…
const COPY_DONE = 0x63; // 'c' …the client's CopyDone…
const COPY_FAIL = 0x66; // 'f' …or CopyFail

/**
 * Reads only the framing of one direction of the protocol (a type byte and a length), skipping the
 * bodies, and reports each message's type. The startup message, the first one a client sends, has
 * no type byte; it is reported as type 0.
 */
export class MessageFraming {
  private readonly header = Buffer.alloc(5);
  private headerBytes = 0;
  private bodyBytesLeft = 0;

  constructor(
    private untypedFirst: boolean,
    private readonly onMessage: (type: number) => void,
  ) {}

  feed(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyBytesLeft > 0) {
        const skipped = Math.min(this.bodyBytesLeft, chunk.length - offset);
        this.bodyBytesLeft -= skipped;
        offset += skipped;
        continue;
      }
      const headerLength = this.untypedFirst ? 4 : 5;
      const copied = Math.min(headerLength - this.headerBytes, chunk.length - offset);
      this.header.set(chunk.subarray(offset, offset + copied), this.headerBytes);
      this.headerBytes += copied;
      offset += copied;
      if (this.headerBytes < headerLength) return;
      const type = this.untypedFirst ? 0 : (this.header[0] ?? 0);
      // The length counts itself but not the type byte.
      this.bodyBytesLeft = Math.max(0, this.header.readInt32BE(headerLength - 4) - 4);
      this.untypedFirst = false;
      this.headerBytes = 0;
      this.onMessage(type);
    }
  }
}

/**
 * Counts the answers the server owes on one connection: one for each Sync or Query sent, paid by
 * each ReadyForQuery received; after a Flush, any byte at all; nothing while the client streams
 * COPY FROM STDIN data (however long that takes), until its CopyDone. Calls `onStall` once when
 * an answer is owed and nothing at all has arrived for `stallMilliseconds`. The start-up is left
 * to postgres.js's connect_timeout: cutting a connection while it starts up only makes postgres.js
 * start it again.
 */
export class StallWatch {
  private owed = 0;
  private flushed = false;
  private copyingIn = false;
  private heardAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly sent = new MessageFraming(true, (type) => {
    if (type === SYNC || type === QUERY) this.expectAnswer(() => (this.owed += 1));
    else if (type === FLUSH) this.expectAnswer(() => (this.flushed = true));
    else if (type === COPY_DONE || type === COPY_FAIL) this.expectAnswer(() => (this.copyingIn = false));
  });
  private readonly received = new MessageFraming(false, (type) => {
    if (type === READY_FOR_QUERY && this.owed > 0) this.owed -= 1;
    else if (type === COPY_IN_RESPONSE) this.copyingIn = true;
  });

  constructor(
    private readonly stallMilliseconds: number,
    private readonly onStall: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  wrote(chunk: Uint8Array): void {
    this.sent.feed(chunk);
  }

  heard(chunk: Uint8Array): void {
    this.heardAt = this.now();
    this.flushed = false;
    this.received.feed(chunk);
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** The server answered elsewhere: the silence is a long statement or a lock wait, not a hang. */
  serverAlive(): void {
    this.heardAt = this.now();
    if (!this.timer && this.waiting) this.arm(this.stallMilliseconds);
  }

  /** Whether the server owes an answer right now. */
  get waiting(): boolean {
    return (this.owed > 0 || this.flushed) && !this.copyingIn;
  }

  private expectAnswer(owe: () => void): void {
    // Silence is counted from the moment an answer is owed, not from the last idle chatter.
    if (!this.waiting) this.heardAt = this.now();
    owe();
    if (!this.timer) this.arm(this.stallMilliseconds);
  }

  private arm(milliseconds: number): void {
    this.timer = setTimeout(() => this.check(), milliseconds);
    this.timer.unref();
  }

  private check(): void {
    this.timer = undefined;
    if (!this.waiting) return;
    const silent = this.now() - this.heardAt;
    if (silent >= this.stallMilliseconds) this.onStall();
    else this.arm(this.stallMilliseconds - silent);
  }
}

const ERROR_RESPONSE = 0x45; // 'E'

/** The fields of an ErrorResponse body, named as postgres.js names them on a PostgresError. */
const ERROR_FIELDS: Record<number, string> = {
  0x53: "severity_local", // S
  0x56: "severity", // V
  0x43: "code", // C
  0x4d: "message", // M
  0x44: "detail", // D
  0x48: "hint", // H
  0x46: "file", // F
  0x4c: "line", // L
  0x52: "routine", // R
};

/**
 * Watches what the server sends while a connection starts, up to its first ReadyForQuery, and
 * reports an ErrorResponse there (a refusal: database not accepting connections, too many clients,
 * starting up, bad password…) as the PostgresError postgres.js would make of it. Then it stops.
 */
export class StartupRefusalWatch {
  private pending = Buffer.alloc(0);
  private done = false;

  constructor(private readonly onRefusal: (error: PostgresError) => void) {}

  heard(chunk: Uint8Array): void {
    if (this.done) return;
    this.pending = Buffer.concat([this.pending, chunk]);
    while (!this.done && this.pending.length >= 5) {
      const type = this.pending[0];
      const end = 1 + this.pending.readInt32BE(1);
      if (this.pending.length < end) return;
      const body = this.pending.subarray(5, end);
      this.pending = this.pending.subarray(end);
      if (type === READY_FOR_QUERY) this.done = true;
      else if (type === ERROR_RESPONSE) {
        this.done = true;
        this.onRefusal(new PostgresErrorFromFields(parseErrorFields(body)));
      }
    }
    if (this.done) this.pending = Buffer.alloc(0);
  }
}

type PostgresError = InstanceType<typeof postgres.PostgresError>;
/** postgres.js's own error class, whose constructor takes the parsed fields (its types say a message). */
const PostgresErrorFromFields = postgres.PostgresError as unknown as new (fields: Record<string, string>) => PostgresError;

function parseErrorFields(body: Buffer): Record<string, string> & { message: string } {
  const fields: Record<string, string> = {};
  let start = 0;
  for (let index = 0; index < body.length; index++) {
    if (body[index] !== 0) continue;
    const name = ERROR_FIELDS[body[start] ?? 0];
    if (name) fields[name] = body.toString("utf8", start + 1, index);
    start = index + 1;
  }
  return { ...fields, message: fields.message ?? "the server refused the connection" };
}

/**
 * A socket factory for postgres.js's `socket` option. Over TLS (sslmode) the bytes on this socket
 * are encrypted and postgres.js takes the socket over, so no watch is kept there: such a
 * connection behaves as before (the health check still answers in time, see app/api/health).
 */
export function watchedSocketFactory(stallSeconds: number, serverAnswers: () => Promise<boolean>): (target: SocketTarget) => net.Socket {
  let nextHost = 0;
  return (target) => {
    // postgres.js sets host and port itself only on the sockets it makes; TLS needs host for SNI.
    const index = nextHost++ % Math.max(1, target.host.length);
    const host = target.host[index] ?? "localhost";
    const port = target.port[index] ?? target.port[0] ?? 5432;
    const socket = target.path ? net.connect(target.path) : net.connect(port, host);
    Object.assign(socket, { host, port });
    if (target.ssl) return socket;

    const watch = new StallWatch(stallSeconds * 1000, () => {
      serverAnswers().then(
        (answers) => (answers ? watch.serverAlive() : socket.destroy()),
        () => socket.destroy(),
      );
    });
    // A wrapper on this one socket's write, not a supported hook: postgres.js offers none on what it
    // sends (porsager/postgres#1089). A net.Socket subclass handed over through the `socket` option
    // was tried in its place (#20): it passed the in-process stall test but, inside the production
    // build, the page's stalled query was never dropped (tests/e2e/database-hang.test.ts timed
    // out), so the wrapper stays until that is understood.
    const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (chunk instanceof Uint8Array) watch.wrote(chunk);
      return write(chunk, ...rest);
    }) as typeof socket.write;
    socket.on("data", (chunk: Buffer) => watch.heard(chunk));
    socket.once("close", () => watch.stop());

    // postgres.js keeps, after a connection is cut, the statement that was running on it
    // (porsager/postgres#1193, #1223; 3.4.9 is the newest). When that connection starts again and
    // the server refuses it (a database taken offline, too many clients), postgres.js hands the
    // refusal to that old, already failed statement and retries at once, again and again: the
    // query waiting for the connection hangs until the server accepts it again, and a user sees
    // a page that never loads instead of the error page. So the refusal is handed to postgres.js
    // once more as an error of this socket, which fails the waiting query as a refusal on a
    // fresh connection would (tests/integration/database-refusal.test.ts). This listener runs
    // before postgres.js's own; on a connection without the stale statement postgres.js then
    // finds no query left to fail. No reconnect delay grows: the server still closes the
    // connection itself, as after any refusal.
    const refusal = new StartupRefusalWatch((error) => socket.emit("error", error));
    socket.on("data", (chunk: Buffer) => refusal.heard(chunk));
    return socket;
  };
}

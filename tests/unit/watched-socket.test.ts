import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { MessageFraming, StallWatch, StartupRefusalWatch } from "@/db/watched-socket";

const STALL = 15_000;

/** A typed protocol message: type byte, int32 length (counting itself), body. */
function message(type: string, body: Uint8Array = new Uint8Array()): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, "latin1");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function startup(): Buffer {
  const body = Buffer.from("\0\x03\0\0user\0postgres\0\0", "latin1");
  const length = Buffer.alloc(4);
  length.writeInt32BE(body.length + 4);
  return Buffer.concat([length, body]);
}

const sync = () => message("S");
const flush = () => message("H");
const describeStatement = () => message("D", Buffer.from("S\0", "latin1"));
const parse = () => message("P", Buffer.from("\0select 1\0\0\0", "latin1"));
const ready = () => message("Z", Buffer.from("I", "latin1"));
const dataRow = () => message("D", Buffer.alloc(200, 1));

describe("MessageFraming", () => {
  test("reports each message once, whatever the chunk boundaries", () => {
    const stream = Buffer.concat([message("R", Buffer.alloc(4)), dataRow(), message("C", Buffer.from("SELECT 1\0")), ready()]);
    for (const size of [1, 2, 3, 5, 7, 64, stream.length]) {
      const types: string[] = [];
      const framing = new MessageFraming(false, (type) => types.push(String.fromCharCode(type)));
      for (let offset = 0; offset < stream.length; offset += size) framing.feed(stream.subarray(offset, offset + size));
      expect(types, `chunks of ${size}`).toEqual(["R", "D", "C", "Z"]);
    }
  });

  test("reads the untyped startup message first, then typed messages", () => {
    const types: number[] = [];
    const framing = new MessageFraming(true, (type) => types.push(type));
    framing.feed(Buffer.concat([startup(), parse(), sync()]));
    expect(types).toEqual([0, "P".charCodeAt(0), "S".charCodeAt(0)]);
  });
});

/** A watch on a connection whose start-up the server has answered, as every query finds it. */
function connectedWatch(onStall: () => void): StallWatch {
  const watch = new StallWatch(STALL, onStall);
  watch.wrote(startup());
  watch.heard(Buffer.concat([message("R", Buffer.alloc(4)), ready()]));
  return watch;
}

describe("StallWatch", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test("a server that owes an answer and sends nothing is reported once the limit has passed", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(Buffer.concat([parse(), sync()]));
    vi.advanceTimersByTime(STALL - 1);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  test("once the server is found answering elsewhere, a silent connection gets another full period", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(Buffer.concat([parse(), sync()]));
    vi.advanceTimersByTime(STALL);
    expect(onStall).toHaveBeenCalledTimes(1);
    watch.serverAlive();
    vi.advanceTimersByTime(STALL - 1);
    expect(onStall).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(2);
  });

  test("an idle connection is never reported, however long it stays idle", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(Buffer.concat([parse(), sync()]));
    watch.heard(Buffer.concat([dataRow(), ready()]));
    vi.advanceTimersByTime(10 * STALL);
    expect(watch.waiting).toBe(false);
    expect(onStall).not.toHaveBeenCalled();
  });

  test("a long answer that keeps arriving is not cut, however long it takes in all", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(Buffer.concat([parse(), sync()]));
    for (let second = 0; second < 60; second += 1) {
      vi.advanceTimersByTime(1_000);
      watch.heard(dataRow());
    }
    watch.heard(ready());
    vi.advanceTimersByTime(10 * STALL);
    expect(onStall).not.toHaveBeenCalled();
  });

  test("pipelined queries: the connection stays watched until every one is answered", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(Buffer.concat([parse(), sync(), parse(), sync()]));
    watch.heard(Buffer.concat([dataRow(), ready()]));
    expect(watch.waiting).toBe(true);
    vi.advanceTimersByTime(STALL);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  test("a new statement described first (Parse, Describe, Flush) that gets no answer is reported", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(Buffer.concat([parse(), describeStatement(), flush()]));
    vi.advanceTimersByTime(STALL);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  test("a described statement, then executed and answered, leaves the connection idle", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(Buffer.concat([parse(), describeStatement(), flush()]));
    watch.heard(Buffer.concat([message("1"), message("t", Buffer.alloc(6)), message("T", Buffer.alloc(30))]));
    watch.wrote(Buffer.concat([message("B", Buffer.alloc(12)), message("E", Buffer.alloc(5)), sync()]));
    watch.heard(Buffer.concat([message("2"), dataRow(), message("C", Buffer.from("SELECT 1\0")), ready()]));
    vi.advanceTimersByTime(10 * STALL);
    expect(watch.waiting).toBe(false);
    expect(onStall).not.toHaveBeenCalled();
  });

  test("COPY FROM STDIN: streaming rows for minutes is not cut; a CopyDone that gets no answer is", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    watch.wrote(message("Q", Buffer.from("copy persons from stdin\0")));
    watch.heard(message("G", Buffer.alloc(3)));
    for (let second = 0; second < 120; second += 1) {
      vi.advanceTimersByTime(1_000);
      watch.wrote(message("d", Buffer.alloc(1_000, 65)));
    }
    expect(onStall).not.toHaveBeenCalled();
    watch.wrote(message("c"));
    vi.advanceTimersByTime(STALL - 1);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
  });

  test("a start-up is left to the connect timeout: cutting it would only make postgres.js start over", () => {
    const onStall = vi.fn();
    new StallWatch(STALL, onStall).wrote(startup());
    vi.advanceTimersByTime(10 * STALL);
    expect(onStall).not.toHaveBeenCalled();
  });

  test("silence is counted from the request, not from the last answer of an idle connection", () => {
    const onStall = vi.fn();
    const watch = connectedWatch(onStall);
    vi.advanceTimersByTime(10 * STALL);
    watch.wrote(sync());
    vi.advanceTimersByTime(STALL - 1);
    expect(onStall).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onStall).toHaveBeenCalledTimes(1);
  });
});

describe("StartupRefusalWatch", () => {
  const refusal = () =>
    message("E", Buffer.from('SFATAL\0VFATAL\0C55000\0Mdatabase "x" is not currently accepting connections\0Fpostinit.c\0\0', "utf8"));

  test("a refusal while the connection starts is reported once, as postgres.js's error, whatever the chunk boundaries", () => {
    const reported: unknown[] = [];
    const watch = new StartupRefusalWatch((error) => reported.push(error));
    const stream = Buffer.concat([message("R", Buffer.alloc(4)), refusal()]);
    for (let index = 0; index < stream.length; index += 3) watch.heard(stream.subarray(index, index + 3));
    watch.heard(refusal());
    expect(reported).toHaveLength(1);
    expect(reported[0]).toMatchObject({ name: "PostgresError", code: "55000", severity: "FATAL", message: 'database "x" is not currently accepting connections' });
  });

  test("an error after the connection is ready is a query's, left to postgres.js", () => {
    const reported: unknown[] = [];
    const watch = new StartupRefusalWatch((error) => reported.push(error));
    watch.heard(Buffer.concat([message("R", Buffer.alloc(4)), message("S", Buffer.from("a\0b\0")), ready(), refusal()]));
    expect(reported).toEqual([]);
  });
});

import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { problemsWithBackupFiles, restoreBackupFiles } from "@/lib/backup/backup-files";
import { mediaStoreFor, parseS3Location } from "@/lib/belongings/media-store";

/** An S3-compatible server on a free local port, as MEDIA_S3_URL would name a real one. */
let server: S3rver;
let directory: string;
let address: string;

beforeAll(async () => {
  directory = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-s3-"));
  server = new S3rver({ port: 0, address: "127.0.0.1", silent: true, directory });
  const { port } = await server.run();
  address = `http://S3RVER:S3RVER@127.0.0.1:${port}/tarhuna-media/effects-test`;
  const location = parseS3Location(address);
  const client = new S3Client({ endpoint: location.endpoint, region: location.region, forcePathStyle: true, credentials: location.credentials });
  await client.send(new CreateBucketCommand({ Bucket: location.bucket }));
});

afterAll(async () => {
  await server.close();
  await fs.rm(directory, { recursive: true, force: true });
});

describe("photographs in an S3-compatible store (MEDIA_S3_URL)", () => {
  it("keeps and returns a file's exact bytes under its key, and answers null for a key never written", async () => {
    const store = mediaStoreFor({ MEDIA_S3_URL: address, DATA_DIR: "/nonexistent" });
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xdb, 1, 2, 3, 254, 255]);
    await store.put("effects/0d1f0e6a-3e7b-4c55-9a35-3c0a5a1d2b7e/original.jpg", bytes, "image/jpeg");
    expect(await store.get("effects/0d1f0e6a-3e7b-4c55-9a35-3c0a5a1d2b7e/original.jpg")).toEqual(bytes);
    expect(await store.get("effects/0d1f0e6a-3e7b-4c55-9a35-3c0a5a1d2b7e/web.jpg")).toBeNull();
    expect(store.describe()).toContain("tarhuna-media");
  });

  it("takes back a file whose record was never saved, and removing a key never written is no error", async () => {
    const store = mediaStoreFor({ MEDIA_S3_URL: address, DATA_DIR: "/nonexistent" });
    const key = "effects/5c3b8a0e-0f57-4a8e-9a53-1e9e1b7c2d40/thumbnail.jpg";
    await store.put(key, Buffer.from([0xff, 0xd8, 0xff, 7]), "image/jpeg");
    await store.remove(key);
    expect(await store.get(key)).toBeNull();
    await expect(store.remove("effects/5c3b8a0e-0f57-4a8e-9a53-1e9e1b7c2d40/web.jpg")).resolves.toBeUndefined();
  });

  it("refuses a key that would climb out of the store's folder", async () => {
    const store = mediaStoreFor({ MEDIA_S3_URL: address, DATA_DIR: "/nonexistent" });
    await expect(store.put("../outside.jpg", Buffer.from("x"), "image/jpeg")).rejects.toThrow("not a media key");
  });

  it("takes a backup's photographs back into the bucket byte for byte (npm run restore with MEDIA_S3_URL), after checking each SHA-256", async () => {
    const store = mediaStoreFor({ MEDIA_S3_URL: address, DATA_DIR: "/nonexistent" });
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), "tarhuna-backup-files-"));
    onTestFinished(() => fs.rm(folder, { recursive: true, force: true }));
    const key = "effects/7a1c2e4b-9d3f-4b8a-8c6e-2f5d1a0b3c4d/web.jpg";
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 6, 5]);
    await fs.mkdir(path.join(folder, "media", "effects", "7a1c2e4b-9d3f-4b8a-8c6e-2f5d1a0b3c4d"), { recursive: true });
    await fs.writeFile(path.join(folder, "media", key), bytes);
    const files = [{ path: `media/${key}`, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.length }];
    expect(problemsWithBackupFiles(folder, files)).toEqual([]);
    await restoreBackupFiles(folder, files, store, path.join(folder, "scans-unused"));
    expect(await store.get(key)).toEqual(bytes);
    // The same file changed after the backup is told apart before anything is written.
    await fs.writeFile(path.join(folder, "media", key), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7, 6, 4]));
    expect(problemsWithBackupFiles(folder, files)).toEqual([`media/${key} does not match its SHA-256 in the manifest`]);
  });
});

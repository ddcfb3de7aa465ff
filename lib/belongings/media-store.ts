import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { dataDirectory } from "@/db/config";
import { environment, type Environment } from "@/lib/env";

/**
 * Where photograph files live: outside the database, in DATA_DIR/media by default or in an
 * S3-compatible store when MEDIA_S3_URL is set. Keys are made by the registry (never from a file
 * name someone sent), so a key cannot climb out of its folder.
 */
export interface MediaStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The file's bytes, or null when there is none under that key. */
  get(key: string): Promise<Buffer | null>;
  /**
   * Takes back a file this process has just put whose record was never saved (the transaction
   * failed): photographs on record are never removed. No error when there is no such file.
   */
  remove(key: string): Promise<void>;
  describe(): string;
}

const KEY_FORM = /^[a-z0-9-]+(\/[a-z0-9.-]+)*$/;

function checkedKey(key: string): string {
  if (!KEY_FORM.test(key) || key.includes("..")) throw new Error(`not a media key: ${key}`);
  return key;
}

export function localMediaStore(root: string): MediaStore {
  const fileOf = (key: string) => path.join(root, ...checkedKey(key).split("/"));
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${file}.${randomUUID()}.partial`;
      await fs.writeFile(partial, bytes, { mode: 0o600 });
      await fs.rename(partial, file);
    },
    async get(key) {
      try {
        return await fs.readFile(fileOf(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async remove(key) {
      await fs.rm(fileOf(key), { force: true });
    },
    describe: () => `the folder ${root}`,
  };
}

export interface S3Location {
  endpoint: string;
  bucket: string;
  prefix: string;
  region: string;
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * MEDIA_S3_URL names the store as https://ACCESS_KEY:SECRET@host[:port]/bucket[/prefix]; without a
 * key and secret in it, the AWS SDK's own chain (AWS_ACCESS_KEY_ID, instance roles) supplies them.
 */
export function parseS3Location(address: string, region = "us-east-1"): S3Location {
  const url = new URL(address);
  const [bucket, ...prefix] = url.pathname.split("/").filter(Boolean);
  if (!bucket) throw new Error("MEDIA_S3_URL names no bucket");
  const credentials = url.username
    ? { accessKeyId: decodeURIComponent(url.username), secretAccessKey: decodeURIComponent(url.password) }
    : undefined;
  return { endpoint: `${url.protocol}//${url.host}`, bucket, prefix: prefix.join("/"), region, ...(credentials ? { credentials } : {}) };
}

export function s3MediaStore(location: S3Location): MediaStore {
  const client = new S3Client({
    endpoint: location.endpoint,
    region: location.region,
    forcePathStyle: true,
    ...(location.credentials ? { credentials: location.credentials } : {}),
  });
  const objectKey = (key: string) => (location.prefix ? `${location.prefix}/${checkedKey(key)}` : checkedKey(key));
  return {
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket: location.bucket, Key: objectKey(key), Body: bytes, ContentType: contentType }));
    },
    async get(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : null;
      } catch (error) {
        if (error instanceof NoSuchKey || (error as { name?: string }).name === "NoSuchKey") return null;
        throw error;
      }
    },
    async remove(key) {
      await client.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: objectKey(key) }));
    },
    describe: () => `the S3 bucket ${location.bucket} at ${location.endpoint}`,
  };
}

export function mediaStoreFor(env: Pick<Environment, "MEDIA_S3_URL" | "MEDIA_S3_REGION" | "DATA_DIR">): MediaStore {
  if (env.MEDIA_S3_URL) return s3MediaStore(parseS3Location(env.MEDIA_S3_URL, env.MEDIA_S3_REGION));
  return localMediaStore(path.join(dataDirectory(env), "media"));
}

/** The store this process's environment names; tests that change MEDIA_S3_URL call forgetEnvironment first. */
export function mediaStore(): MediaStore {
  return mediaStoreFor(environment());
}

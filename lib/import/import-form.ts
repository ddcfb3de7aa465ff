import { z } from "zod";
import { IMPORT_KINDS } from "./fields";
import { MAX_UPLOAD_BYTES } from "./limits";
import { DEFAULT_READ_OPTIONS } from "./read-options";
import { readOptionsSchema } from "./read-options-schema";
import type { ImportRequest } from "./run-import";

const NO_STORE = { "Cache-Control": "no-store" };

const importFormSchema = z.object({
  kind: z.enum(IMPORT_KINDS),
  mode: z.enum(["dryRun", "commit"]),
  mapping: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text === "") return null;
      const parsed = z.array(z.string().max(40)).max(500).safeParse(safeJson(text));
      if (!parsed.success) {
        context.addIssue({ code: "custom", message: "mapping" });
        return z.NEVER;
      }
      return parsed.data;
    }),
  conflictChoices: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text === "") return {};
      const choice = z.union([z.enum(["keep", "replace", "create"]), z.templateLiteral(["link:", z.uuid()])]);
      const parsed = z.record(z.string().max(400), choice).safeParse(safeJson(text));
      if (!parsed.success || Object.keys(parsed.data).length > 100_000) {
        context.addIssue({ code: "custom", message: "conflictChoices" });
        return z.NEVER;
      }
      return parsed.data;
    }),
  readOptions: z
    .string()
    .optional()
    .transform((text, context) => {
      if (text === undefined || text === "") return DEFAULT_READ_OPTIONS;
      const parsed = readOptionsSchema.safeParse(safeJson(text));
      if (!parsed.success) {
        context.addIssue({ code: "custom", message: "readOptions" });
        return z.NEVER;
      }
      return parsed.data;
    }),
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function refusal(status: number, error: string): { response: Response } {
  return { response: Response.json({ error }, { status, headers: NO_STORE }) };
}

/** The multipart form of an import request: the file, what it holds, and the column mapping. */
export async function readImportForm(request: Request): Promise<{ request: Omit<ImportRequest, "actor"> } | { response: Response }> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_UPLOAD_BYTES + 64 * 1024) return refusal(413, "tooLarge");
  const form = await request.formData().catch(() => null);
  if (!form) return refusal(400, "invalid");
  const file = form.get("file");
  const fields = importFormSchema.safeParse({ kind: form.get("kind"), mode: form.get("mode"), mapping: form.get("mapping") ?? undefined, readOptions: form.get("readOptions") ?? undefined, conflictChoices: form.get("conflictChoices") ?? undefined });
  if (!(file instanceof File) || !fields.success) return refusal(400, "invalid");
  if (file.size > MAX_UPLOAD_BYTES) return refusal(413, "tooLarge");
  return {
    request: {
      bytes: new Uint8Array(await file.arrayBuffer()),
      fileName: file.name.slice(0, 200),
      kind: fields.data.kind,
      mode: fields.data.mode,
      mapping: fields.data.mapping,
      readOptions: fields.data.readOptions,
      conflictChoices: fields.data.conflictChoices,
    },
  };
}

// Reading an import upload within its limit and running it: the route's logic, testable without a server.
import { z } from "zod";
import type { Db } from "@/db/client";
import type { Actor } from "../auth/permissions";
import { BUSY_MESSAGE } from "../errors";
import { accountColumnMapping } from "./account-import.schemas";
import { columnMapping } from "./import.schemas";
import { runImportJob } from "./import-jobs";

/** The largest file an import accepts (bytes), and the form around it. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const MAX_BODY_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;

const options = {
  orders: z.object({
    mapping: columnMapping,
    dryRun: z.boolean().default(true),
    allowPartial: z.boolean().default(false),
  }),
  accounts: z.object({
    mapping: accountColumnMapping,
    dryRun: z.boolean().default(true),
    allowPartial: z.boolean().default(false),
  }),
};

type Answer = { status: number; body: unknown };
const say = (status: number, message: string, extra: object = {}): Answer => ({
  status,
  body: { message, ...extra },
});

/** The body, read up to `limit` bytes: null when it is longer (the rest is never read). */
async function readLimited(req: Request, limit: number): Promise<Uint8Array | null> {
  const reader = req.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

export async function importUpload(db: Db, actor: Actor, kind: string, req: Request): Promise<Answer> {
  if (kind !== "orders" && kind !== "accounts") return say(404, "No such import.");
  const tooLarge = () => say(413, "The file is larger than 20 MB.");
  const declared = Number(req.headers.get("content-length") ?? Number.NaN);
  if (declared > MAX_BODY_BYTES) return tooLarge();
  const bytes = await readLimited(req, MAX_BODY_BYTES);
  if (!bytes) return tooLarge();
  let form: FormData;
  try {
    form = await new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return say(400, "Send the file as a form upload (multipart/form-data).");
  }
  const file = form.get("file");
  if (!(file instanceof Blob) || file.size === 0)
    return say(400, "Choose a CSV file.", { fieldErrors: { file: ["Choose a CSV file."] } });
  if (file.size > MAX_UPLOAD_BYTES) return tooLarge();
  let raw: unknown;
  try {
    raw = JSON.parse(String(form.get("options") ?? "{}"));
  } catch {
    return say(400, "The import options could not be read.");
  }
  const parsed = options[kind].safeParse(raw);
  if (!parsed.success) {
    // Keyed as the form shows them: "mapping.amount".
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), [i.message]]));
    return say(400, parsed.error.issues[0]?.message ?? "Check the column mapping.", {
      fieldErrors,
    });
  }
  const csv = await file.text();
  const fileName = (file instanceof File && file.name ? file.name : "upload.csv").slice(0, 255);
  try {
    const result = await runImportJob(db, actor, {
      kind,
      input: { fileName, csv, ...parsed.data },
    } as Parameters<typeof runImportJob>[2]);
    return { status: 200, body: result };
  } catch (error) {
    if ((error as { code?: string }).code === "SERVICE_UNAVAILABLE") return say(503, BUSY_MESSAGE);
    console.error("[import] failed:", error);
    return say(500, "The import failed. Nothing was changed.");
  }
}

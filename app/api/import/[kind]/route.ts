// The file upload of an import (issue #11 §1, §4): its own route with its own body limit (a CSV of up to 20 MB,
// where every other request gets 1 MB (server/http/request-limits.ts)), refused with 413 before the body is read past the limit; the import
// runs on a worker thread (server/imports/import-jobs.ts) so other requests keep being answered.
// POST multipart/form-data: file (the CSV) and options (JSON: mapping, dryRun, allowPartial).
import { getDb } from "@/db/client";
import { IMPORTERS } from "@/server/auth/permissions";
import { getSessionUser } from "@/server/auth/server";
import { importUpload } from "@/server/imports/import-upload";
import { isTrustedOrigin } from "@/server/security/public-url";

export const dynamic = "force-dynamic";

export async function POST(req: Request, { params }: { params: Promise<{ kind: string }> }) {
  if (!isTrustedOrigin(req.headers.get("origin"))) {
    return Response.json({ message: "This request did not come from the app." }, { status: 403 });
  }
  const user = await getSessionUser(req.headers);
  if (!user) return Response.json({ message: "Please sign in." }, { status: 401 });
  if (!IMPORTERS.includes(user.role))
    return Response.json({ message: "Your role does not allow this." }, { status: 403 });
  const { status, body } = await importUpload(getDb(), user, (await params).kind, req);
  return Response.json(body, { status });
}

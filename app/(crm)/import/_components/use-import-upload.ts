"use client";

import { useCallback, useState } from "react";
import type { ImportJobResult } from "@/server/imports/import-jobs";

export type ImportKind = ImportJobResult["kind"];
export type UploadError = { status: number; message: string; fieldErrors?: Record<string, string[]> };
type State =
  | { status: "idle" }
  | { status: "pending" }
  | { status: "done"; result: ImportJobResult }
  | { status: "error"; error: UploadError };

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends a file to /api/import/<kind> (its own route and body limit; the import runs on a worker thread). A "busy"
 * answer (503: another import holds the database) is tried once more a second later.
 */
export function useImportUpload() {
  const [state, setState] = useState<State>({ status: "idle" });
  const upload = useCallback(
    async (
      kind: ImportKind,
      file: File,
      options: { mapping: object; dryRun: boolean; allowPartial: boolean },
    ) => {
      setState({ status: "pending" });
      const send = () => {
        const form = new FormData();
        form.set("file", file);
        form.set("options", JSON.stringify(options));
        return fetch(`/api/import/${kind}`, { method: "POST", body: form });
      };
      try {
        let response = await send();
        if (response.status === 503) {
          await wait(1_000);
          response = await send();
        }
        const body = await response.json().catch(() => ({}));
        if (response.ok) setState({ status: "done", result: body as ImportJobResult });
        else setState({ status: "error", error: { status: response.status, ...body } });
      } catch {
        setState({ status: "error", error: { status: 0, message: "" } });
      }
    },
    [],
  );
  const reset = useCallback(() => setState({ status: "idle" }), []);
  return { state, upload, reset };
}

// What the import commands share: arguments, reading the file and its header, the mapping (--col wins over the
// guess), and answering with line-numbered errors and an exit code, never a stack trace.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { type Db, databasePath, openDb } from "@/db/client";
import { IMPORT_BUSY_TIMEOUT_MS } from "@/db/write-wait";
import { CsvFormatError, type RowError, readCsvHead } from "./import.parse";

export type CliImport<M> = {
  usage: string;
  mapping: z.ZodType<M>;
  guess: (header: string[]) => Partial<M>;
  run: (
    db: Db,
    input: { fileName: string; csv: string; mapping: M; dryRun: boolean; allowPartial: boolean },
  ) => { summary: object | null; dryRun: boolean; errors: RowError[] };
  /** Extra lines after the summary (the changes an accounts re-import made). */
  report?: (result: never) => string[];
};

function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

export function runImportCli<M>(spec: CliImport<M>): void {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      allowPositionals: true,
      options: {
        col: { type: "string", multiple: true, default: [] },
        "dry-run": { type: "boolean", default: false },
        "allow-partial": { type: "boolean", default: false },
        db: { type: "string" },
      },
    });
  try {
    parsed = parse();
  } catch (error) {
    fail(`${(error as Error).message}\nUsage: ${spec.usage}`, 2);
  }
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file) fail(`Usage: ${spec.usage}`, 2);
  let csv: string;
  try {
    csv = readFileSync(file, "utf8");
  } catch (error) {
    fail(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"}).`);
  }
  const given = Object.fromEntries(
    (values.col ?? []).map((c) => {
      const at = c.indexOf("=");
      if (at < 1) fail(`--col ${c}: write it as field="Column name".`, 2);
      return [c.slice(0, at).trim(), c.slice(at + 1).trim()];
    }),
  );
  // The header is the first record, however long; only unnamed columns are guessed from it.
  let header: string[];
  try {
    header = readCsvHead(csv).header;
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    fail(`${file}: line ${error.line}: ${error.reason}. Nothing imported.`);
  }
  const mapping = spec.mapping.safeParse({ ...spec.guess(header), ...given });
  if (!mapping.success) {
    fail(mapping.error.issues.map((i) => `--col ${i.path.join(".")}: ${i.message}`).join("\n"));
  }

  const db = openDb(values.db ?? databasePath(), { busyTimeoutMs: IMPORT_BUSY_TIMEOUT_MS });
  const started = performance.now();
  const result = spec.run(db, {
    fileName: path.basename(file),
    csv,
    mapping: mapping.data,
    dryRun: values["dry-run"] ?? false,
    allowPartial: values["allow-partial"] ?? false,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const e of result.errors.slice(0, 200)) console.error(`line ${e.line}: ${e.reason}`);
  if (result.errors.length > 200) console.error(`… and ${result.errors.length - 200} more bad rows`);
  if (!result.summary) {
    fail(`Nothing imported: ${result.errors.length} bad row(s). Fix them or pass --allow-partial.`);
  }
  console.log(JSON.stringify(result.summary, null, 2));
  for (const line of spec.report?.(result as never) ?? []) console.log(line);
  console.log(result.dryRun ? `Dry run in ${seconds} s: nothing was written.` : `Imported in ${seconds} s.`);
  db.$client.close();
}

// npm run import:accounts -- FILE.csv [--col account_ref="Account ID"] [--col company="Company"]
//   [--col contact_email="Email"]… [--dry-run] [--allow-partial] [--db FILE]
// Fields: account_ref, account_name, company, kind, segment, industry, owner_email, contact_name, contact_title,
// contact_email, contact_phone. Columns not given are guessed from the header. Exit code 1 when refused.
import { type AccountImportResult, runAccountImport } from "./account-import.queries";
import { accountColumnMapping, guessAccountMapping } from "./account-import.schemas";
import { runImportCli } from "./cli-shared";

runImportCli({
  usage:
    'npm run import:accounts -- FILE.csv [--col field="Column"]… [--dry-run] [--allow-partial] [--db FILE]',
  mapping: accountColumnMapping,
  guess: guessAccountMapping,
  run: (db, input) => runAccountImport(db, null, input),
  report: (result: AccountImportResult) => [
    ...result.changes.map(
      (c) =>
        `changed ${c.ref}${c.contact ? ` / ${c.contact}` : ""} ${c.field}: ${c.before ?? "—"} → ${c.after}`,
    ),
    ...(result.changeCount > result.changes.length
      ? [`… and ${result.changeCount - result.changes.length} more changes`]
      : []),
  ],
});

// npm run import:orders -- FILE.csv --col account_ref="Customer ID" --col account_name="Customer Name"
//   --col order_ref="Order ID" --col ordered_at="Order Date" --col amount="Sales" --col margin="Profit"
//   [--col segment="Segment"] [--col category="Category"] [--col kind="Customer Type"]
//   [--dry-run] [--allow-partial] [--db FILE]
// Columns not given are guessed from the header (Superstore-like names). Exit code 1 when refused.
import { runImportCli } from "./cli-shared";
import { runImport } from "./import.queries";
import { columnMapping, guessMapping } from "./import.schemas";

runImportCli({
  usage:
    'npm run import:orders -- FILE.csv [--col field="Column"]… [--dry-run] [--allow-partial] [--db FILE]',
  mapping: columnMapping,
  guess: guessMapping,
  run: (db, input) => runImport(db, null, input),
});

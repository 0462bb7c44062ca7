// What an import recomputes once its orders are in, inside the same transaction: lapse as of the import
// (historical files bring accounts whose last order is long past) and the recommended relationship level.
import type { Db } from "@/db/client";
import { evaluateLapse } from "../ladder/lapse.queries";
import { recomputeRecommendedLevels } from "../levels/recommend.queries";

export function afterImport(db: Db, params: { accountIds: number[]; asOf: number }): void {
  if (params.accountIds.length === 0) return;
  evaluateLapse(db, { asOf: params.asOf, accountIds: params.accountIds });
  recomputeRecommendedLevels(db, { asOf: params.asOf, accountIds: params.accountIds });
}

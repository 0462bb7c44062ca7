import { roleProcedure, router } from "../trpc";
import { listAudit } from "./audit.queries";
import { listAuditInput } from "./audit.schemas";

export const auditRouter = router({
  /** Admin only: the log shows every change to every record, including users'. */
  list: roleProcedure("admin")
    .input(listAuditInput)
    .query(({ ctx, input }) => listAudit(ctx.db, input)),
});

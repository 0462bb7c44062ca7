// The complaint settings one write needs, read together; and the public reference numbers.
import { randomInt } from "node:crypto";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { complaints, users } from "@/db/schema";
import { COMPLAINT_HANDLERS } from "../auth/permissions";
import { FieldError } from "../errors";
import { getSetting } from "../settings/settings.queries";
import { complaintsSettings } from "./complaints.settings";
import { pickHandler, type RoutingTable } from "./routing.rules";
import type { PromisedTimes } from "./sla.rules";

export type ComplaintPolicy = {
  promisedTimes: PromisedTimes;
  approvalLimit: number;
  routing: RoutingTable;
  rootCauses: string[];
  followUpDays: number;
};

export function loadPolicy(db: Db): ComplaintPolicy {
  return {
    promisedTimes: getSetting(db, complaintsSettings.promisedTimes),
    approvalLimit: getSetting(db, complaintsSettings.approvalLimit),
    routing: getSetting(db, complaintsSettings.routing),
    rootCauses: getSetting(db, complaintsSettings.rootCauses),
    followUpDays: getSetting(db, complaintsSettings.followUpDays),
  };
}

// No 0/O, 1/I/L: a reference read out over the phone survives.
const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function randomBlock(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

/** A reference like C-7KQ2-M9XD: random (about 8.5e11 values), so it reveals no volume and cannot be walked. */
export function newReference(db: Db): string {
  for (;;) {
    const reference = `C-${randomBlock(4)}-${randomBlock(4)}`;
    const taken = db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.reference, reference))
      .get();
    if (!taken) return reference;
  }
}

/** A handler must be an active service agent, sales lead or admin. */
export function requireHandler(db: Db, handlerId: string): { id: string; name: string } {
  const user = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, handlerId), eq(users.active, true), inArray(users.role, [...COMPLAINT_HANDLERS])))
    .get();
  if (!user) {
    throw new FieldError(
      "BAD_REQUEST",
      { handlerId: ["handlerNotAllowed"] },
      "Choose an active service agent, sales lead or administrator as the handler.",
    );
  }
  return user;
}

/**
 * The service agent who takes a complaint that arrives unassigned: the active agent with the fewest open
 * complaints (routing.rules pickHandler). Counts walk complaints_handler_queue_idx (handler, due_at).
 */
export function routeToHandler(db: Db): { id: string; name: string } | null {
  const agents = db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, "service_agent"), eq(users.active, true)))
    .all();
  if (agents.length === 0) return null;
  const open = new Map(
    db
      .select({ id: complaints.handlerId, n: sql<number>`count(*)` })
      .from(complaints)
      .where(
        and(
          inArray(
            complaints.handlerId,
            agents.map((a) => a.id),
          ),
          isNotNull(complaints.dueAt),
        ),
      )
      .groupBy(complaints.handlerId)
      .all()
      .map((r) => [r.id, r.n]),
  );
  const pick = pickHandler(agents.map((a) => ({ ...a, open: open.get(a.id) ?? 0 })));
  return pick ? { id: pick.id, name: pick.name } : null;
}

import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { accounts, ladderMoves, type Rung } from "@/db/schema";
import { setSetting } from "../settings/settings.queries";
import { insertTestAccount } from "../test/fixtures";
import { addUser, createTestDb } from "../test/harness";
import { ladderSettings } from "./ladder.settings";
import { evaluateLapse } from "./lapse.queries";

const DAY = 86_400_000;
const LAST = Date.UTC(2025, 0, 10, 12); // last order 10 Jan 2025 12:00 UTC
const EDGE = LAST + 365 * DAY; // the window runs out 10 Jan 2026 12:00 UTC

let db: Db;
function account(
  lastOrderAt: number | null,
  rung: Rung = "repeat",
  status: "active" | "lapsed" | "lost" = "active",
) {
  const id = insertTestAccount(db, { ownerId: null, rung });
  db.update(accounts)
    .set({ lastOrderAt, orderCount: lastOrderAt ? 2 : 0, status })
    .where(eq(accounts.id, id))
    .run();
  return id;
}
const get = (id: number) => db.select().from(accounts).where(eq(accounts.id, id)).get();
const moves = (id: number) => db.select().from(ladderMoves).where(eq(ladderMoves.accountId, id)).all();

beforeEach(() => {
  db = createTestDb();
});

describe("lapse, as of a date", () => {
  it("an account lapses only after its last order is more than the window old, at the exact moment it ran out", () => {
    const id = account(LAST);
    expect(evaluateLapse(db, { asOf: EDGE - DAY })).toEqual({ lapsed: 0 });
    expect(evaluateLapse(db, { asOf: EDGE })).toEqual({ lapsed: 0 });
    expect(get(id)?.status).toBe("active");
    expect(evaluateLapse(db, { asOf: EDGE + 1 })).toEqual({ lapsed: 1 });
    expect(get(id)).toMatchObject({ status: "lapsed", statusSince: EDGE, rung: "repeat" });
    expect(moves(id)).toMatchObject([
      {
        fromRung: "repeat",
        toRung: "repeat",
        fromStatus: "active",
        toStatus: "lapsed",
        at: EDGE,
        byUserId: null,
        reason: "lapsed",
      },
    ]);
  });

  it("never lapses an account twice, one without orders, or one that is lost", () => {
    const lapsing = account(LAST);
    const noOrders = account(null, "prospect");
    const lost = account(LAST, "client", "lost");
    evaluateLapse(db, { asOf: EDGE + 30 * DAY });
    expect(evaluateLapse(db, { asOf: EDGE + 60 * DAY })).toEqual({ lapsed: 0 });
    expect(moves(lapsing)).toHaveLength(1);
    expect(get(noOrders)?.status).toBe("active");
    expect(get(lost)?.status).toBe("lost");
  });

  it("an account that ordered recently stays active", () => {
    const recent = account(EDGE - 10 * DAY);
    expect(evaluateLapse(db, { asOf: EDGE + DAY })).toEqual({ lapsed: 0 });
    expect(get(recent)?.status).toBe("active");
  });

  it("uses the lapse window setting, and can be limited to some accounts", () => {
    const admin = addUser(db, "admin");
    setSetting(db, ladderSettings.lapseWindowDays, 90, admin.id);
    const a = account(LAST);
    const b = account(LAST);
    expect(evaluateLapse(db, { asOf: LAST + 91 * DAY, accountIds: [a] })).toEqual({ lapsed: 1 });
    expect(get(a)).toMatchObject({ status: "lapsed", statusSince: LAST + 90 * DAY });
    expect(get(b)?.status).toBe("active");
  });
});

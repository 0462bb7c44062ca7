// Account inputs, shared by the tRPC procedures and the account forms.
import { z } from "zod";
import { ACCOUNT_KINDS, ACCOUNT_STATUSES, ALL_RUNGS, LEVELS } from "@/db/schema";
import { searchText } from "@/lib/search-text";
import { DISQUALIFY_REASONS } from "../ladder/moves.rules";

/** Optional free text from a form: trimmed, and an empty field means "none". */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters.` })
    .nullish()
    .transform((v) => (v ? v : null));

export const ACCOUNT_SORTS = ["name", "lastOrder", "revenue"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export const listAccountsInput = z.object({
  q: searchText(200).optional(),
  rung: z.enum(ALL_RUNGS).optional(),
  status: z.enum(ACCOUNT_STATUSES).optional(),
  ownerId: z.string().min(1).max(100).optional(),
  segment: z.string().min(1).max(100).optional(),
  sort: z.enum(ACCOUNT_SORTS).default("name"),
  dir: z.enum(["asc", "desc"]).optional(),
  cursor: z.string().max(1000).nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListAccountsInput = z.infer<typeof listAccountsInput>;

/** The owner filter's special values: the caller's own accounts, and accounts nobody owns. */
export const OWNER_ME = "me";
export const OWNER_NONE = "none";

/** The list's filters alone: what "every account matching the filter" means for counts, bulk changes, export. */
export const accountFilter = listAccountsInput.pick({
  q: true,
  rung: true,
  status: true,
  ownerId: true,
  segment: true,
});
export type AccountFilter = z.infer<typeof accountFilter>;

/** Rows picked one by one, or everything matching a filter except the rows unticked. */
export const accountSelection = z.union([
  z.object({ ids: z.array(z.number().int().positive()).min(1).max(1000) }),
  z.object({ filter: accountFilter, except: z.array(z.number().int().positive()).max(1000).optional() }),
]);
export type AccountSelection = z.infer<typeof accountSelection>;

/**
 * The rungs a bulk move may go to: the ones a person decides by judgement alone (qualifying a name as a
 * prospect, sending it back to suspect, disqualifying for no credit or no profit). Buyers' rungs follow their
 * orders, and the upper rungs need evidence per account (share of wallet, enrolment, referral, agreement), so
 * neither can be given to many accounts at once.
 */
export const BULK_RUNGS = ["suspect", "prospect", "disqualified"] as const;

/** One bulk change (issue #10 §3): a new owner, level, segment or qualification rung for every selected account. */
export const bulkChangeInput = z.object({
  selection: accountSelection,
  change: z.discriminatedUnion("field", [
    z.object({ field: z.literal("ownerId"), value: z.string().trim().min(1).max(100) }),
    z.object({ field: z.literal("level"), value: z.enum(LEVELS) }),
    z.object({ field: z.literal("segment"), value: optionalText(100) }),
    z.object({
      field: z.literal("rung"),
      value: z.enum(BULK_RUNGS),
      reason: z
        .string()
        .trim()
        .min(1, "Give a reason for the move.")
        .max(500, "Keep the reason to 500 characters."),
      disqualifyReason: z.enum(DISQUALIFY_REASONS).optional(),
    }),
  ]),
});
export type BulkChangeInput = z.infer<typeof bulkChangeInput>;

export const accountIdInput = z.object({ id: z.number().int().positive() });

/** The fields a person edits on the account form. */
export const accountFields = z.object({
  kind: z.enum(ACCOUNT_KINDS),
  name: z.string().trim().min(1, { error: "Enter a name." }).max(200, { error: "At most 200 characters." }),
  externalRef: optionalText(100),
  segment: optionalText(100),
  industry: optionalText(100),
  level: z.enum(LEVELS),
  /** Only sales leads and admins may choose; for account managers the server forces themselves. */
  ownerId: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((v) => (v ? v : null)),
});

export const createAccountInput = accountFields.extend({
  /** Where a new account starts: a name in a list, or already qualified. */
  rung: z.enum(["suspect", "prospect"]).default("suspect"),
  /** The account whose recommendation brought this one in (issue #13 §3). */
  referredByAccountId: z.number().int().positive().nullish(),
});
export type CreateAccountInput = z.infer<typeof createAccountInput>;

export const updateAccountInput = accountFields.partial().extend({ id: z.number().int().positive() });
export type UpdateAccountInput = z.infer<typeof updateAccountInput>;

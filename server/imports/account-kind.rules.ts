// Whether an imported row describes a company or a person (issue #10 §2). Pure: no db.
import type { ACCOUNT_KINDS } from "@/db/schema";

export type AccountKind = (typeof ACCOUNT_KINDS)[number];

const PERSON = /^(person|individual|private|personal|consumer|b2c|个人|个人客户|消费者|自然人)$/i;
const COMPANY =
  /^(company|business|organi[sz]ation|corporate|corporation|enterprise|b2b|firm|企业|公司|单位|机构|企业客户)$/i;

/** A kind column's value as a kind; null when the text names neither (the caller reports it). */
export function kindFromText(text: string): AccountKind | null {
  const value = text.trim();
  if (PERSON.test(value)) return "person";
  if (COMPANY.test(value)) return "company";
  return null;
}

/**
 * The kind of account a row describes, from what the file offers, most explicit first:
 * a kind column ("person", "company", 个人, 企业…); else a company column, when the file has one (a row that
 * names no company is a person); else the segment, when it is a consumer segment (Superstore's "Consumer",
 * "Individual", 个人…); else a company.
 */
export function accountKindOf(row: {
  kind?: string | null;
  company?: string | null;
  hasCompanyColumn?: boolean;
  segment?: string | null;
}): AccountKind {
  const stated = row.kind ? kindFromText(row.kind) : null;
  if (stated) return stated;
  if (row.hasCompanyColumn) return row.company?.trim() ? "company" : "person";
  if (row.segment && PERSON.test(row.segment.trim())) return "person";
  return "company";
}

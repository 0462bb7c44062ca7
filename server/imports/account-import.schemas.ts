// The accounts-and-contacts import's columns (issue #10 §2). Each field is declared once here — its key, whether
// the file must have it, the header names it is guessed from — and the parser, the page and the CLI read this
// list, so adding a field (a referrer column, say) is one entry here and one in the parser.
import { z } from "zod";
import { MAX_CSV_CHARS } from "./import.schemas";

export const ACCOUNT_IMPORT_FIELDS = [
  {
    key: "account_ref",
    required: true,
    guess:
      /^(customer|client|account|company)[ _-]?(id|ref|reference|no|number|code)$|^(external[ _-]?)?ref(erence)?$|^客户(编号|编码|代码)$/i,
  },
  {
    key: "account_name",
    required: false,
    guess: /^(customer|client|account)[ _-]?name$|^name$|^客户(名称|姓名)?$/i,
  },
  {
    key: "company",
    required: false,
    guess: /^(company|company[ _-]?name|organi[sz]ation|公司|公司名称|单位)$/i,
  },
  { key: "kind", required: false, guess: /^((customer|client|account)[ _-]?)?(kind|type)$|^(客户)?类型$/i },
  { key: "segment", required: false, guess: /^(segment|market[ _-]?segment|细分市场|客户群)$/i },
  { key: "industry", required: false, guess: /^(industry|sector|行业)$/i },
  {
    key: "owner_email",
    required: false,
    guess:
      /^(owner|account[ _-]?owner|account[ _-]?manager|sales[ _-]?rep)([ _-]?e-?mail)?$|^负责人(邮箱)?$/i,
  },
  {
    key: "contact_name",
    required: false,
    guess: /^(contact|contact[ _-]?(name|person)|full[ _-]?name|联系人|联系人姓名)$/i,
  },
  {
    key: "contact_title",
    required: false,
    guess: /^(contact[ _-]?)?(title|job[ _-]?title|position|职位|职务)$/i,
  },
  {
    key: "contact_email",
    required: false,
    guess: /^(contact[ _-]?)?e-?mail([ _-]?address)?$|^(联系人)?邮箱$/i,
  },
  {
    key: "referrer_ref",
    required: false,
    guess: /^(referred[ _-]?by|referrer|referrer[ _-]?(id|ref|reference)|推荐人|介绍人)$/i,
  },
  {
    key: "contact_phone",
    required: false,
    guess: /^(contact[ _-]?)?(phone|telephone|tel|mobile)([ _-]?(number|no))?$|^(联系人)?(电话|手机)$/i,
  },
] as const;

export type AccountImportField = (typeof ACCOUNT_IMPORT_FIELDS)[number]["key"];
export const ACCOUNT_IMPORT_KEYS = ACCOUNT_IMPORT_FIELDS.map((f) => f.key);

const column = z.string().trim().max(200).optional();

/** Which column holds each field (by header name); only the account reference must be named. */
export const accountColumnMapping = z
  .object({ account_ref: z.string().trim().min(1, "Choose the account reference column.").max(200) })
  .extend(
    Object.fromEntries(
      ACCOUNT_IMPORT_KEYS.filter((k) => k !== "account_ref").map((k) => [k, column]),
    ) as Record<Exclude<AccountImportField, "account_ref">, typeof column>,
  );
export type AccountColumnMapping = z.infer<typeof accountColumnMapping>;

export const runAccountImportInput = z.object({
  fileName: z.string().trim().min(1).max(255),
  csv: z.string().min(1, "The file is empty.").max(MAX_CSV_CHARS, "The file is larger than 20 MB."),
  mapping: accountColumnMapping,
  dryRun: z.boolean().default(true),
  allowPartial: z.boolean().default(false),
});
export type RunAccountImportInput = z.infer<typeof runAccountImportInput>;

/** Pre-fills the mapping from common CRM and spreadsheet header names, English and Chinese. */
export function guessAccountMapping(header: readonly string[]): Partial<AccountColumnMapping> {
  const mapping: Partial<AccountColumnMapping> = {};
  const taken = new Set<string>();
  for (const field of ACCOUNT_IMPORT_FIELDS) {
    const hit = header.find((h) => !taken.has(h) && field.guess.test(h.trim()));
    if (hit) {
      mapping[field.key] = hit;
      taken.add(hit);
    }
  }
  return mapping;
}

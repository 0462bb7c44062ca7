// Reading an accounts-and-contacts file (issue #10 §2): rows → validated lines → one entry per account
// reference with its contacts (several contacts per account by repeating the reference). Pure: no db.
import { EMAIL_MESSAGE, isEmail, isPhone, PHONE_MESSAGE } from "../contacts/contacts.schemas";
import type { AccountColumnMapping, AccountImportField } from "./account-import.schemas";
import { type AccountKind, accountKindOf, kindFromText } from "./account-kind.rules";
import type { CsvTable, RowError } from "./import.parse";

export type FileContact = {
  line: number;
  name: string;
  title: string | null;
  email: string | null;
  phone: string | null;
};

export type FileAccount = {
  line: number;
  ref: string;
  name: string;
  kind: AccountKind;
  /** The file says the kind (a kind column, or a company column): an existing account's kind follows it. */
  kindStated: boolean;
  segment: string | null;
  industry: string | null;
  ownerEmail: string | null;
  /** The external reference of the account that referred this one (in the file or already stored). */
  referrerRef: string | null;
  contacts: FileContact[];
};

const LIMITS = { ref: 100, name: 200, segment: 100, industry: 100, phone: 40 } as const;
/** Account fields a later line of the same reference must agree with. */
const SHARED = ["name", "segment", "industry", "ownerEmail", "referrerRef"] as const;

const CLASH_LABEL = {
  name: "name",
  segment: "segment",
  industry: "industry",
  ownerEmail: "owner",
  referrerRef: "referrer",
} as const;

/** Validates every row and groups them by account reference; bad rows are reported with their line. */
export function readAccountLines(
  table: CsvTable,
  mapping: AccountColumnMapping,
): { accounts: FileAccount[]; errors: RowError[] } {
  const index = (field: AccountImportField) => {
    const column = mapping[field];
    return column ? table.header.indexOf(column) : -1;
  };
  const col = Object.fromEntries(
    (Object.keys(mapping) as AccountImportField[]).map((f) => [f, index(f)]),
  ) as Partial<Record<AccountImportField, number>>;
  const hasCompanyColumn = (col.company ?? -1) >= 0;
  const label = (field: AccountImportField) => mapping[field] ?? field;
  const byRef = new Map<string, FileAccount>();
  // The name a reference's first line gives the account itself (not borrowed from its contact).
  const namedOn = new Map<string, string | null>();
  const errors: RowError[] = [];

  for (const { line, cells } of table.rows) {
    const cell = (field: AccountImportField) => {
      const i = col[field] ?? -1;
      return i >= 0 ? (cells[i] ?? "").trim() : "";
    };
    const problems: string[] = [];
    const ref = cell("account_ref");
    const company = cell("company");
    const contactName = cell("contact_name");
    const namedAccount = cell("account_name") || company;
    const name = namedAccount || contactName;
    if (!ref) problems.push(`missing account reference (${label("account_ref")})`);
    if (ref.length > LIMITS.ref) problems.push(`account reference longer than ${LIMITS.ref} characters`);
    if (!name) problems.push("no name: the row names neither an account, a company nor a contact");
    if (name.length > LIMITS.name) problems.push(`name longer than ${LIMITS.name} characters`);
    const kindText = cell("kind");
    if (kindText && !kindFromText(kindText))
      problems.push(`kind "${kindText}" is neither a person nor a company (${label("kind")})`);
    const segment = cell("segment") || null;
    const industry = cell("industry") || null;
    if ((segment?.length ?? 0) > LIMITS.segment)
      problems.push(`segment longer than ${LIMITS.segment} characters`);
    if ((industry?.length ?? 0) > LIMITS.industry)
      problems.push(`industry longer than ${LIMITS.industry} characters`);
    const ownerEmail = cell("owner_email").toLowerCase() || null;
    if (ownerEmail && !isEmail(ownerEmail))
      problems.push(`owner "${ownerEmail}" is not an email address (${label("owner_email")})`);
    const referrerRef = cell("referrer_ref") || null;
    if (referrerRef && referrerRef === ref) problems.push("an account cannot refer itself");
    const kind = accountKindOf({ kind: kindText, company, hasCompanyColumn, segment });

    // A contact when the row has any contact field; a person's own row is its contact when it names none.
    let contact: FileContact | null = null;
    const title = cell("contact_title");
    const email = cell("contact_email").toLowerCase();
    const phone = cell("contact_phone");
    if (contactName || title || email || phone) {
      const contactIs = contactName || (kind === "person" ? name : "");
      if (!contactIs) problems.push(`a contact needs a name (${label("contact_name")})`);
      if (contactIs.length > LIMITS.name) problems.push(`contact name longer than ${LIMITS.name} characters`);
      if (title.length > LIMITS.name) problems.push(`contact title longer than ${LIMITS.name} characters`);
      if (email && (email.length > LIMITS.name || !isEmail(email)))
        problems.push(`contact email "${email}": ${EMAIL_MESSAGE}`);
      if (phone && (phone.length > LIMITS.phone || !isPhone(phone)))
        problems.push(`contact phone "${phone}": ${PHONE_MESSAGE}`);
      contact = { line, name: contactIs, title: title || null, email: email || null, phone: phone || null };
    }
    if (problems.length) {
      errors.push({ line, reason: problems.join("; ") });
      continue;
    }

    const values = { name: namedAccount || null, segment, industry, ownerEmail, referrerRef };
    const seen = byRef.get(ref);
    if (!seen) {
      namedOn.set(ref, values.name);
      byRef.set(ref, {
        line,
        ref,
        ...values,
        name,
        kind,
        kindStated: Boolean(kindText) || hasCompanyColumn,
        contacts: contact ? [contact] : [],
      });
      continue;
    }
    // A repeated reference adds a contact; its account fields, where given, must agree with the first line's.
    const first = { ...seen, name: namedOn.get(ref) ?? null };
    const clash = SHARED.find((f) => values[f] && first[f] && values[f] !== first[f]);
    if (clash) {
      errors.push({
        line,
        reason: `${CLASH_LABEL[clash]} "${values[clash]}" differs from "${first[clash]}" on line ${seen.line} for account ${ref}`,
      });
      continue;
    }
    seen.segment ??= segment;
    seen.industry ??= industry;
    seen.ownerEmail ??= ownerEmail;
    seen.referrerRef ??= referrerRef;
    if (contact) addContact(seen.contacts, contact);
  }
  return { accounts: [...byRef.values()], errors };
}

/** The same person listed twice (same email, or same name without email) is one contact. */
function addContact(list: FileContact[], contact: FileContact): void {
  const same = list.find((c) =>
    contact.email && c.email
      ? c.email === contact.email
      : c.name.toLowerCase() === contact.name.toLowerCase(),
  );
  if (!same) {
    list.push(contact);
    return;
  }
  same.title ??= contact.title;
  same.email ??= contact.email;
  same.phone ??= contact.phone;
}

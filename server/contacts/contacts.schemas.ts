import { z } from "zod";
import { optionalText } from "../accounts/accounts.schemas";

/** A phone number as people write it: digits, spaces and + - ( ) . /, at least five digits. */
export function isPhone(v: string): boolean {
  return /^[+()\d\s./-]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5;
}
export const PHONE_MESSAGE = "Enter a phone number (digits, spaces, + - ( ) only).";
export const EMAIL_MESSAGE = "Enter a valid email address.";
/** zod's own email pattern (what z.email() checks), as a plain test: an import checks 100,000 of them. */
export function isEmail(v: string): boolean {
  return z.regexes.email.test(v);
}

const phone = z
  .string()
  .trim()
  .max(40, { error: "At most 40 characters." })
  .refine((v) => v === "" || isPhone(v), { error: PHONE_MESSAGE })
  .nullish()
  .transform((v) => (v ? v : null));

const email = z
  .string()
  .trim()
  .max(200, { error: "At most 200 characters." })
  .refine((v) => v === "" || isEmail(v), { error: EMAIL_MESSAGE })
  .nullish()
  .transform((v) => (v ? v.toLowerCase() : null));

export const contactFields = z.object({
  name: z.string().trim().min(1, { error: "Enter a name." }).max(200, { error: "At most 200 characters." }),
  title: optionalText(200),
  email,
  phone,
  notes: optionalText(2000),
  /** The contact's id in another system (set by the REST API). */
  externalRef: optionalText(100),
});

export const createContactInput = contactFields.extend({ accountId: z.number().int().positive() });
export const updateContactInput = contactFields.partial().extend({ id: z.number().int().positive() });
export const deleteContactInput = z.object({ id: z.number().int().positive() });
export type CreateContactInput = z.infer<typeof createContactInput>;
export type UpdateContactInput = z.infer<typeof updateContactInput>;

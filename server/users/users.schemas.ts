// User inputs, shared by the tRPC procedures and the admin forms.
import { z } from "zod";
import { LOCALES, ROLES } from "@/db/schema";
import { searchText } from "@/lib/search-text";
import { PASSWORD_MIN } from "../auth/password-policy";

export { PASSWORD_MIN } from "../auth/password-policy";
/** Rows per page on the admin users table (the page prefetches the same query the table runs). */
export const USERS_PAGE_SIZE = 50;

export const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

export const userCursor = z.object({ name: z.string().max(200), id: z.string().max(100) });
export type UserCursor = z.infer<typeof userCursor>;

export const listUsersInput = z.object({
  q: searchText(200).optional(),
  role: z.enum(ROLES).optional(),
  active: z.boolean().optional(),
  cursor: userCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(50),
});
export type ListUsersInput = z.infer<typeof listUsersInput>;

export const userName = z
  .string()
  .trim()
  .min(1, { error: "Enter a name." })
  .max(100, { error: "At most 100 characters." });
export const userEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200, { error: "At most 200 characters." })
  .pipe(z.email({ error: "Enter a valid email address." }));
export const newPassword = z
  .string()
  .min(PASSWORD_MIN, { error: `The password needs at least ${PASSWORD_MIN} characters.` })
  .max(128, { error: "At most 128 characters." });

export const createUserInput = z.object({
  name: userName,
  email: userEmail,
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  password: newPassword,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

const userId = z.string().trim().min(1).max(100);

/** An invitation: the person chooses their own password from the emailed (or copied) link. */
export const inviteUserInput = z.object({
  name: userName,
  email: userEmail,
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
});
export type InviteUserInput = z.infer<typeof inviteUserInput>;

export const userIdInput = z.object({ id: z.string().trim().min(1).max(100) });

export const setRoleInput = z.object({ id: userId, role: z.enum(ROLES) });
export const setActiveInput = z.object({ id: userId, active: z.boolean() });

/** Roles that may own accounts or be assigned tasks (the owner/assignee selects). */
export const ASSIGNABLE_ROLES = ["account_manager", "sales_lead", "admin"] as const;

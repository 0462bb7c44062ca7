import { z } from "zod";
import { LOCALES } from "@/db/schema";
import { newPassword, userEmail, userName } from "../users/users.schemas";

export const setupInput = z
  .object({
    name: userName,
    email: userEmail,
    password: newPassword,
    confirmPassword: z.string().max(128),
    locale: z.enum(LOCALES),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    error: "The two passwords differ.",
  });
export type SetupInput = z.infer<typeof setupInput>;

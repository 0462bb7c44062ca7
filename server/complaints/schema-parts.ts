// Field schemas the complaint inputs share (staff forms, workflow steps, the public page). Messages are codes
// the forms translate (complaints.json "errors").
import { z } from "zod";

export const DESCRIPTION_MAX = 5000;
export const REQUEST_MAX = 2000;
export const NOTE_MAX = 5000;
export const PAGE_MAX = 100;

export const id = z.number({ error: "required" }).int().positive();

export const requiredText = (max: number) =>
  z.string({ error: "required" }).trim().min(1, { error: "required" }).max(max, { error: "tooLong" });

/** Empty text is no text: "" and whitespace become null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "tooLong" })
    .nullish()
    .transform((v) => (v ? v : null));

export const email = z
  .string({ error: "email" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "email" }).max(254, { error: "email" }));

export const reference = z
  .string()
  .trim()
  .toUpperCase()
  .min(1, { error: "required" })
  .max(40, { error: "required" });

// Order inputs. The procedure takes integer minor units; the form takes decimal currency and converts here.
import { z } from "zod";
import { optionalText } from "../accounts/accounts.schemas";

const MAX_MINOR = 1_000_000_000_000; // ten billion in major units: far above any real order

export const createOrderInput = z
  .object({
    accountId: z.number().int().positive(),
    externalRef: optionalText(100),
    orderedAt: z.number().int().min(0, { error: "Enter the order date." }),
    amount: z.number().int().min(0, { error: "The amount cannot be negative." }).max(MAX_MINOR),
    margin: z.number().int().min(-MAX_MINOR).max(MAX_MINOR),
    category: optionalText(100),
  })
  .refine((o) => o.margin <= o.amount, { path: ["margin"], error: "The margin cannot exceed the amount." });
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const listOrdersInput = z.object({
  accountId: z.number().int().positive(),
  cursor: z.string().max(200).nullish(),
  limit: z.number().int().min(1).max(100).default(20),
});

const money = /^-?\d{1,10}(\.\d{1,2})?$/;

/** "1234.5" → 123450. Strings avoid floating-point rounding (0.29 * 100 = 28.999…). */
export function toMinorUnits(text: string): number {
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return negative ? -value : value;
}

export const orderFormSchema = z
  .object({
    externalRef: z.string().trim().max(100, { error: "At most 100 characters." }),
    orderedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the order date." }),
    amount: z
      .string()
      .trim()
      .regex(money, { error: "Enter an amount such as 1250.00." })
      .refine((v) => !v.startsWith("-"), { error: "The amount cannot be negative." }),
    margin: z.string().trim().regex(money, { error: "Enter a margin such as 300.00." }),
    category: z.string().trim().max(100, { error: "At most 100 characters." }),
  })
  .refine(
    (o) => !money.test(o.amount) || !money.test(o.margin) || toMinorUnits(o.margin) <= toMinorUnits(o.amount),
    {
      path: ["margin"],
      error: "The margin cannot exceed the amount.",
    },
  );
export type OrderFormValues = z.infer<typeof orderFormSchema>;

/** The procedure input for a filled-in form; the date is taken at noon UTC so it shows as the same day everywhere. */
export function orderFormToInput(accountId: number, form: OrderFormValues): CreateOrderInput {
  return {
    accountId,
    externalRef: form.externalRef || null,
    orderedAt: Date.parse(`${form.orderedAt}T12:00:00Z`),
    amount: toMinorUnits(form.amount),
    margin: toMinorUnits(form.margin),
    category: form.category || null,
  };
}

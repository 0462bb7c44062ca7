// An amount typed in currency units ("1250.5") in a deal form: checked as text, so the reader's own message
// shows beside the field, then handed to the procedure in minor units by toMinorUnits.
import { z } from "zod";

const MONEY = /^-?\d{1,10}(\.\d{1,2})?$/;

/** Text that is an amount with at most two decimals; negative only where `negative` (a margin can be). */
export function moneyText(message: string, { negative = false } = {}) {
  return z
    .string()
    .trim()
    .refine((v) => MONEY.test(v) && (negative || !v.startsWith("-")), { error: message });
}

export const isMoneyText = (v: string, { negative = false } = {}) =>
  MONEY.test(v.trim()) && (negative || !v.trim().startsWith("-"));

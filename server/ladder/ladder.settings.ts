// The ladder's admin-tunable settings.
import { z } from "zod";
import { defineSetting } from "../settings/settings.queries";
import { DEFAULT_LAPSE_WINDOW_DAYS } from "./moves.rules";

export const ladderSettings = {
  /** Days without an order after which an active account lapses. */
  lapseWindowDays: defineSetting(
    "lapseWindowDays",
    z.number().int().positive().max(3650),
    DEFAULT_LAPSE_WINDOW_DAYS,
  ),
};

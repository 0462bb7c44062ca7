import { z } from "zod";
import { LOCALES } from "@/db/schema";

export const setLocaleInput = z.object({ locale: z.enum(LOCALES) });

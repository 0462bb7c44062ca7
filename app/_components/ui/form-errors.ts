import { type FieldErrors, get } from "react-hook-form";

/**
 * The first message at a form field or anywhere under it: a list typed one item per line is checked item by
 * item, and a group of fields (a schedule per level) is checked field by field, but the form shows one message.
 */
export function messageAt(errors: FieldErrors, name: string): string | undefined {
  const first = (node: unknown): string | undefined => {
    if (!node || typeof node !== "object") return undefined;
    const message = (node as { message?: unknown }).message;
    if (typeof message === "string" && message) return message;
    for (const [key, child] of Object.entries(node)) {
      if (key === "ref" || key === "message" || key === "type" || key === "types") continue;
      const found = first(child);
      if (found) return found;
    }
    return undefined;
  };
  return first(get(errors, name));
}

// The feedback list's view and filters <-> the URL (shared by the server page's prefetch and the list).
import { CUSTOMER_INTERFACES, type CustomerInterface, SENTIMENTS, type Sentiment } from "@/db/schema";
import { FEEDBACK_VIEWS, type FeedbackView } from "@/server/feedback/feedback.schemas";

export const FEEDBACK_PAGE_SIZE = 25;

export type FeedbackListView = {
  view: FeedbackView;
  sentiment: Sentiment | null;
  theme: string | null;
  interface: CustomerInterface | null;
  q: string | null;
};

type Params = { get(name: string): string | null };

export function recordParams(raw: Record<string, string | string[] | undefined>): Params {
  return { get: (name) => (typeof raw[name] === "string" ? (raw[name] as string) : null) };
}

function oneOf<T extends string>(value: string | null, options: readonly T[]): T | null {
  return value && (options as readonly string[]).includes(value) ? (value as T) : null;
}

export function viewFromParams(p: Params): FeedbackListView {
  const theme = p.get("theme")?.trim().slice(0, 60) || null;
  const q = p.get("q")?.trim().slice(0, 200) || null;
  return {
    view: oneOf(p.get("view"), FEEDBACK_VIEWS) ?? "all",
    sentiment: oneOf(p.get("sentiment"), SENTIMENTS),
    theme,
    interface: oneOf(p.get("interface"), CUSTOMER_INTERFACES),
    q,
  };
}

export function paramsFromView(v: FeedbackListView): string {
  const out = new URLSearchParams();
  if (v.view !== "all") out.set("view", v.view);
  if (v.sentiment) out.set("sentiment", v.sentiment);
  if (v.theme) out.set("theme", v.theme);
  if (v.interface) out.set("interface", v.interface);
  if (v.q) out.set("q", v.q);
  return out.toString();
}

export function listInputOf(v: FeedbackListView) {
  return {
    view: v.view,
    sentiment: v.sentiment,
    theme: v.theme,
    interface: v.interface,
    q: v.q,
    limit: FEEDBACK_PAGE_SIZE,
  };
}

"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { NameKind } from "@/db/schema";

type Labels = Record<NameKind, Record<string, string>>;
const Context = createContext<Labels>({ segment: {}, stage: {} });

/** The reader's labels for names the company typed (segments, stages), sent with every signed-in page. */
export function NameLabelsProvider({ labels, children }: { labels: Labels; children: ReactNode }) {
  return <Context.Provider value={labels}>{children}</Context.Provider>;
}

/** A segment or stage in the reader's language: its label there, or the name as typed (issue #12 §7). */
export function useNameLabel() {
  const labels = useContext(Context);
  return (kind: NameKind, name: string | null | undefined): string =>
    name == null ? "" : (labels[kind][name] ?? name);
}

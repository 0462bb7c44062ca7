"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { Params } from "./search-params";

/** How a change reaches the history: a new entry (the default), or in place of the current one. */
export type ViewChange = { replace?: boolean };

/**
 * A list's filters kept in the URL: read from it on load, on reload and on Back/Forward, and written to it as a
 * new history entry when the reader changes one, so Back returns to the filter before (`{ replace: true }`
 * for a change that is not a step of its own, such as a search box's later words: see useSearchBox). The
 * native history API keeps useSearchParams in step without a server round trip; a reload or a Back into the
 * page from elsewhere is rendered by the server from the same URL (`read` and `write` are the list's pure
 * parsers). Every list with filters (accounts, deals, feedback, complaints and the work lists) uses this.
 */
export function useUrlView<V>(
  read: (params: Params) => V,
  write: (view: V) => string,
): [V, (next: V, how?: ViewChange) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const parsers = useRef({ read, write });
  parsers.current = { read, write };
  const [view, setView] = useState<V>(() => read(searchParams));
  // A navigation to this page with other params: follow it.
  useEffect(() => setView(parsers.current.read(searchParams)), [searchParams]);
  // Back/forward: follow the URL at once. The router's searchParams change in a transition, which under load can
  // still be pending when Back is pressed; it then settles on the URL it already had and the effect above never
  // sees a change (the filter shown stayed the one Back left).
  useEffect(() => {
    const follow = () => setView(parsers.current.read(new URLSearchParams(window.location.search)));
    window.addEventListener("popstate", follow);
    return () => window.removeEventListener("popstate", follow);
  }, []);

  function change(next: V, how: ViewChange = {}) {
    setView(next);
    const qs = parsers.current.write(next);
    const url = qs ? `${pathname}?${qs}` : pathname;
    if (url === `${window.location.pathname}${window.location.search}`) return;
    // The same view under another spelling of its URL (a default written out) is not a step back to take.
    const same =
      parsers.current.write(parsers.current.read(new URLSearchParams(window.location.search))) === qs;
    if (how.replace || same) window.history.replaceState(null, "", url);
    else window.history.pushState(null, "", url);
  }
  return [view, change];
}

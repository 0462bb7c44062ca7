"use client";

import { type ChangeEvent, useEffect, useRef, useState } from "react";
import type { ViewChange } from "./use-url-view";

/**
 * A list's search box that searches once typing pauses (`delay` ms), not at each keystroke. The first search of
 * a run of typing is a new history entry and the later ones replace it, so Back returns to the filter before the
 * search rather than to each word typed on the way; leaving the box ends the run. A new `committed` value that
 * did not come from the box (Back, "clear filters", a saved view) resets the box to it.
 * Returns the props for the box's input.
 */
export function useSearchBox(committed: string, commit: (q: string, how: ViewChange) => void, delay = 300) {
  const [text, setText] = useState(committed);
  const latest = useRef({ committed, commit });
  latest.current = { committed, commit };
  // The value this box last searched for, and whether its run of typing already has a history entry.
  const searched = useRef<string | null>(null);
  const inRun = useRef(false);

  useEffect(() => {
    if (committed !== searched.current) inRun.current = false;
    // Keep what is typed when only its ends differ (a trailing space before the next word).
    setText((typed) => (typed.trim() === committed ? typed : committed));
  }, [committed]);

  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === latest.current.committed) return;
    const timer = setTimeout(() => {
      searched.current = trimmed;
      latest.current.commit(trimmed, { replace: inRun.current });
      inRun.current = true;
    }, delay);
    return () => clearTimeout(timer);
  }, [text, delay]);

  return {
    value: text,
    onChange: (e: ChangeEvent<HTMLInputElement>) => setText(e.target.value),
    onBlur: () => {
      inRun.current = false;
    },
  };
}

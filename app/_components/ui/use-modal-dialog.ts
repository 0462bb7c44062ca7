"use client";

import { useEffect, useRef } from "react";
import { tabbable } from "tabbable";

/**
 * Tab and Shift+Tab go round the dialog's own controls. `showModal` makes the page behind inert, but Chromium
 * still lets Tab leave the last control for the browser's toolbar (the address bar), from where the next Tab
 * comes back; the WAI-ARIA dialog pattern wants focus to wrap from the last control to the first and back.
 */
export function wrapTabInside(dialog: HTMLElement, event: KeyboardEvent) {
  if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return;
  const stops = tabbable(dialog);
  const first = stops[0];
  const last = stops[stops.length - 1];
  if (!first || !last) {
    event.preventDefault();
    return;
  }
  const active = document.activeElement;
  const inside = active instanceof Node && dialog.contains(active) && active !== dialog;
  if (event.shiftKey && (active === first || !inside)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !inside)) {
    event.preventDefault();
    first.focus();
  }
}

/**
 * A native modal dialog opened on mount (`showModal`: the rest of the page is inert, and Esc closes it), with
 * Tab kept inside it (wrapping from the last control to the first, and back with Shift+Tab). When the dialog
 * goes away, focus returns to the control that opened it, so a keyboard or screen-reader user carries on where
 * they were instead of at the top of the page.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    const onKeyDown = (event: KeyboardEvent) => {
      if (dialog) wrapTabInside(dialog, event);
    };
    dialog?.addEventListener("keydown", onKeyDown);
    return () => {
      dialog?.removeEventListener("keydown", onKeyDown);
      // Unmounted (saved or cancelled): the browser dropped focus to the body; hand it back to the opener.
      if (dialog?.isConnected) return;
      const active = document.activeElement;
      if (opener?.isConnected && (active === null || active === document.body)) opener.focus();
    };
  }, []);
  return ref;
}

"use client";

import { useEffect, useRef } from "react";

/**
 * A native modal dialog opened on mount (`showModal`: the rest of the page is inert, so focus stays inside,
 * and Esc closes it). When the dialog goes away, focus returns to the control that opened it, so a keyboard
 * or screen-reader user carries on where they were instead of at the top of the page.
 */
export function useModalDialog() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      // Unmounted (saved or cancelled): the browser dropped focus to the body; hand it back to the opener.
      if (dialog?.isConnected) return;
      const active = document.activeElement;
      if (opener?.isConnected && (active === null || active === document.body)) opener.focus();
    };
  }, []);
  return ref;
}

"use client";

import type { ReactNode } from "react";
import { useModalDialog } from "@/app/_components/ui/use-modal-dialog";

/** A native modal dialog: focus stays inside, Esc closes, the page behind is inert, focus returns on close. */
export function Modal({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useModalDialog();
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="space-y-3 p-5">
        <h2 className="text-base font-semibold text-slate-900">{title}</h2>
        {children}
      </div>
    </dialog>
  );
}

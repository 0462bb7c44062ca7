"use client";

import type { ReactNode } from "react";
import { td } from "./drill";

/** A table row's header that lists the deals behind that row when pressed (the keyboard path to a bar's deals). */
export function DrillRowHeader({ label, onClick }: { label: ReactNode; onClick: () => void }) {
  return (
    <th scope="row" className={`${td} text-left font-normal`}>
      <button type="button" className="text-brand-700 hover:underline" onClick={onClick}>
        {label}
      </button>
    </th>
  );
}

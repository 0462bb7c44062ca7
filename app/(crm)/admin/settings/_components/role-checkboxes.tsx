"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import type { Role } from "@/db/schema";
import { Checkbox } from "./settings-section";

/** A set of roles ticked in a settings form (who sees the executive pages, who may review a deal). */
export function RoleCheckboxes<V extends FieldValues>({
  register,
  name,
  roles,
  legend,
  legendClassName,
  children,
}: {
  register: UseFormRegister<V>;
  name: Path<V>;
  roles: readonly Role[];
  legend: string;
  legendClassName: string;
  /** More boxes after the roles. */
  children?: ReactNode;
}) {
  const tRole = useTranslations("common.roles");
  return (
    <fieldset className="space-y-1">
      <legend className={legendClassName}>{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {roles.map((r) => (
          <Checkbox key={r} label={tRole(r)} value={r} {...register(name)} />
        ))}
        {children}
      </div>
    </fieldset>
  );
}

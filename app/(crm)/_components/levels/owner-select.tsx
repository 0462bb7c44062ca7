"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { SelectField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";

/** Whose accounts a levels list shows: "all", or one owner id (the signed-in manager's own by default). */
export function OwnerSelect({
  value,
  onChange,
  includeAll = true,
}: {
  value: string;
  onChange: (value: string) => void;
  includeAll?: boolean;
}) {
  const t = useTranslations("levels.owner");
  const trpc = useTRPC();
  const options = useQuery(trpc.accounts.filterOptions.queryOptions());
  return (
    <SelectField
      label={t("label")}
      className="w-64"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      options={[
        ...(includeAll ? [{ value: "all", label: t("all") }] : []),
        ...(options.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name })),
      ]}
    />
  );
}

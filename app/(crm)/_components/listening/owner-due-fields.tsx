"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import type { FieldValues, Path, UseFormRegister } from "react-hook-form";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";

/**
 * Who acts on a piece of feedback and by which day: the owner (people who can own feedback) and the due date.
 * Recording feedback that needs action and assigning it later ask the same two things.
 */
export function OwnerDueFields<V extends FieldValues>({
  register,
  owner,
  due,
  errorFor,
}: {
  register: UseFormRegister<V>;
  owner: Path<V>;
  due: Path<V>;
  errorFor: (name: Path<V>) => string | undefined;
}) {
  const t = useTranslations("feedback");
  const trpc = useTRPC();
  const options = useQuery(trpc.feedback.options.queryOptions());
  return (
    <>
      <SelectField
        label={t("record.owner")}
        required
        error={errorFor(owner)}
        options={[
          { value: "", label: "—" },
          ...(options.data?.owners ?? []).map((o) => ({ value: o.id, label: o.name })),
        ]}
        {...register(owner)}
      />
      <TextField label={t("record.dueAt")} type="date" required error={errorFor(due)} {...register(due)} />
    </>
  );
}

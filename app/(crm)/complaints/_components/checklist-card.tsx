"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Card } from "@/app/_components/ui/card";
import { useTRPC } from "@/app/_trpc/client";
import { useComplaintErrors } from "@/app/(crm)/_components/complaints/labels";
import { CHECKLIST_ITEMS, type ChecklistItem } from "@/db/schema";

/** The six service-recovery steps (domain.md §4) as checkboxes; read-only for those who do not handle. */
export function ChecklistCard({
  complaintId,
  values,
  canEdit,
}: {
  complaintId: number;
  values: Record<ChecklistItem, boolean>;
  canEdit: boolean;
}) {
  const t = useTranslations("complaints");
  const errorText = useComplaintErrors();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const set = useMutation(
    trpc.complaints.setChecklistItem.mutationOptions({
      onSettled: () => queryClient.invalidateQueries(trpc.complaints.get.queryFilter({ id: complaintId })),
    }),
  );
  const error = errorText.general(set.error);
  return (
    <Card title={t("detail.checklist")}>
      <p className="mb-2 text-xs text-slate-500">{t("detail.checklistHint")}</p>
      {error ? <Alert>{error}</Alert> : null}
      <fieldset disabled={!canEdit || set.isPending}>
        <legend className="sr-only">{t("detail.checklist")}</legend>
        <ul className="space-y-2">
          {CHECKLIST_ITEMS.map((item) => (
            <li key={item}>
              <label className="flex items-start gap-2 text-sm text-slate-700">
                <input
                  type="checkbox"
                  className="mt-0.5 h-4 w-4 rounded border-slate-300"
                  checked={values[item]}
                  onChange={(e) => set.mutate({ id: complaintId, item, done: e.target.checked })}
                />
                {t(`checklist.${item}`)}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
    </Card>
  );
}

"use client";

// Saved views (issue #12 §5): a name for the list's current filters, kept per person, and a link to them. A
// view is the list's URL query, so applying one is the same as opening its link.

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { SelectField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import type { ViewList } from "@/db/schema";
import { saveViewInput } from "@/server/views/views.schemas";
import { NameForm } from "./name-form";

const nameOnly = saveViewInput.pick({ name: true });

export function SavedViews({
  list,
  query,
  onApply,
}: {
  list: ViewList;
  /** The list's current URL query, without "?". */
  query: string;
  onApply: (query: string) => void;
}) {
  const t = useTranslations("views");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const views = useQuery(trpc.views.list.queryOptions({ list }));
  const [naming, setNaming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.views.list.queryFilter({ list }));
  const save = useMutation(
    trpc.views.save.mutationOptions({
      onSuccess: async (saved, input) => {
        setNaming(false);
        setNotice(saved.replaced ? t("replaced", { name: input.name }) : t("saved", { name: input.name }));
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.views.delete.mutationOptions({
      onSuccess: async () => {
        setNotice(t("deleted"));
        await refresh();
      },
    }),
  );
  const current = views.data?.find((v) => v.query === query) ?? null;
  const nameError = save.error?.data?.fieldErrors?.name?.[0];

  async function copyLink() {
    const url = `${window.location.origin}${pathname}${query ? `?${query}` : ""}`;
    setNotice(null);
    try {
      await navigator.clipboard.writeText(url);
      setLink(null);
      setNotice(t("copied"));
    } catch {
      // No clipboard (an insecure origin, a refusal): show the link to copy by hand.
      setLink(url);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <SelectField
          label={t("label")}
          className="w-56"
          value={current ? String(current.id) : ""}
          onChange={(e) => {
            const view = views.data?.find((v) => String(v.id) === e.target.value);
            setNotice(null);
            onApply(view ? view.query : "");
          }}
          options={[
            { value: "", label: views.data?.length ? t("choose") : t("none") },
            ...(views.data ?? []).map((v) => ({ value: String(v.id), label: v.name })),
          ]}
        />
        <Button variant="secondary" onClick={() => setNaming((n) => !n)} aria-expanded={naming}>
          {t("save")}
        </Button>
        <Button variant="ghost" onClick={() => void copyLink()}>
          {t("copyLink")}
        </Button>
        {current ? (
          <Button
            variant="ghost"
            onClick={() => remove.mutate({ id: current.id })}
            disabled={remove.isPending}
          >
            {t("delete", { name: current.name })}
          </Button>
        ) : null}
      </div>
      {naming ? (
        <NameForm
          label={t("name")}
          formLabel={t("save")}
          submit={t("saveSubmit")}
          cancel={t("cancel")}
          fieldClassName="w-64"
          maxLength={60}
          schema={nameOnly}
          pending={save.isPending}
          error={(client) => {
            const code = client ?? nameError;
            return code ? t(`errors.${code === "tooMany" ? "tooMany" : "name"}`) : undefined;
          }}
          onSave={(name) => {
            setNotice(null);
            save.mutate({ list, name, query });
          }}
          onCancel={() => setNaming(false)}
        />
      ) : null}
      {link ? (
        <TextField label={t("linkLabel")} readOnly value={link} onFocus={(e) => e.target.select()} />
      ) : null}
      {notice ? (
        <p role="status" className="text-sm text-emerald-700">
          {notice}
        </p>
      ) : null}
    </div>
  );
}

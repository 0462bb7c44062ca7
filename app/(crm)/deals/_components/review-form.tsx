"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { dateInputToMs, msToDateInput, useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import { ReasonCheckboxes } from "./reason-checkboxes";
import { ReviewContext } from "./review-context";

type Action = { title: string; assigneeId: string; due: string };
const DAY = 86_400_000;

/**
 * The win/loss review checklist: context shown, then the buyer's reasons, words and the actions to take.
 * Saving returns a queue worker to the review queue, anyone else (a manager of another account) to the deal.
 */
export function ReviewForm({ dealId, backToQueue }: { dealId: number; backToQueue: boolean }) {
  const t = useTranslations("deals.review");
  const tCommon = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const label = useReasonLabel();
  const context = useQuery(trpc.deals.reviewContext.queryOptions({ dealId }));
  const people = useQuery(trpc.accounts.filterOptions.queryOptions());
  const [contactId, setContactId] = useState("");
  const [spokeAt, setSpokeAt] = useState(msToDateInput(Date.now()));
  const [primary, setPrimary] = useState("");
  const [secondary, setSecondary] = useState<string[]>([]);
  const [words, setWords] = useState("");
  const [actions, setActions] = useState<Action[]>([]);
  const save = useMutation(
    trpc.deals.review.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.deals.pathFilter()),
          queryClient.invalidateQueries(trpc.tasks.pathFilter()),
        ]);
        // Reviewers work through the queue: back to it, where the next deal waits at the top.
        router.push(backToQueue ? `/win-loss/reviews?saved=${dealId}` : `/deals/${dealId}`);
      },
    }),
  );
  const errors: Record<string, string[] | undefined> = save.error?.data?.fieldErrors ?? {};
  const err = (name: string) => errors[name]?.[0];
  const general = save.error && Object.keys(errors).length === 0 ? save.error.message : null;

  if (context.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (context.isError) return <Alert>{context.error.message}</Alert>;
  const c = context.data;
  const outcome = c.deal.status;
  const actionsTitle =
    outcome === "lost" ? t("actionsLost") : outcome === "won" ? t("actionsWon") : t("actionsNoDecision");
  const owners = people.data?.owners ?? [];
  const setAction = (i: number, patch: Partial<Action>) =>
    setActions((list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({
      dealId,
      buyerContactId: contactId ? Number(contactId) : null,
      spokeAt: dateInputToMs(spokeAt),
      primaryReason: primary,
      secondaryReasons: secondary.filter((r) => r !== primary),
      buyerWords: words,
      actions: actions.map((a) => ({
        title: a.title,
        assigneeId: a.assigneeId,
        dueAt: dateInputToMs(a.due),
      })),
    });
  };

  return (
    <div className="space-y-5">
      <nav aria-label={t("backToDeal")} className="text-sm">
        <Link href={`/deals/${dealId}`} className="text-brand-700 hover:underline">
          ← {t("backToDeal")}
        </Link>
      </nav>
      <ReviewContext context={c} />
      {c.blocked ? (
        <Alert>{t("blocked", { reason: c.blocked })}</Alert>
      ) : (
        <Card title={t("title")}>
          <form onSubmit={submit} noValidate className="space-y-4">
            {general ? <Alert>{general}</Alert> : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label={t("contact")}
                value={contactId}
                onChange={(e) => setContactId(e.target.value)}
                options={[
                  { value: "", label: c.contacts.length ? t("choose") : t("noContact") },
                  ...c.contacts.map((p) => ({
                    value: String(p.id),
                    label: p.title ? `${p.name} (${p.title})` : p.name,
                  })),
                ]}
                error={err("buyerContactId")}
              />
              <TextField
                label={t("spokeAt")}
                type="date"
                required
                value={spokeAt}
                onChange={(e) => setSpokeAt(e.target.value)}
                error={err("spokeAt")}
              />
            </div>
            <SelectField
              label={t("primary")}
              required
              value={primary}
              onChange={(e) => setPrimary(e.target.value)}
              options={[
                { value: "", label: t("choose") },
                ...c.reasons.map((r) => ({ value: r, label: label(r) })),
              ]}
              error={err("primaryReason")}
            />
            <ReasonCheckboxes
              legend={t("secondary")}
              reasons={c.reasons}
              exclude={primary}
              value={secondary}
              onChange={setSecondary}
              error={err("secondaryReasons")}
            />
            <TextAreaField
              label={t("words")}
              required
              value={words}
              onChange={(e) => setWords(e.target.value)}
              error={err("buyerWords")}
            />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-700">{actionsTitle}</legend>
              {actions.map((a, i) => (
                <div key={i} className="grid items-end gap-2 sm:grid-cols-[1fr_12rem_10rem_auto]">
                  <TextField
                    label={`${t("actionTitle")} ${i + 1}`}
                    value={a.title}
                    onChange={(e) => setAction(i, { title: e.target.value })}
                    error={err(`actions.${i}.title`)}
                  />
                  <SelectField
                    label={t("assignee")}
                    value={a.assigneeId}
                    onChange={(e) => setAction(i, { assigneeId: e.target.value })}
                    options={[
                      { value: "", label: t("choose") },
                      ...owners.map((o) => ({ value: o.id, label: o.name })),
                    ]}
                    error={err(`actions.${i}.assigneeId`)}
                  />
                  <TextField
                    label={t("due")}
                    type="date"
                    value={a.due}
                    onChange={(e) => setAction(i, { due: e.target.value })}
                    error={err(`actions.${i}.dueAt`)}
                  />
                  <Button
                    variant="ghost"
                    aria-label={t("removeAction", { n: i + 1 })}
                    onClick={() => setActions((list) => list.filter((_, j) => j !== i))}
                  >
                    ✕
                  </Button>
                </div>
              ))}
              <Button
                variant="secondary"
                size="sm"
                disabled={actions.length >= 10}
                onClick={() =>
                  setActions((list) => [
                    ...list,
                    { title: "", assigneeId: c.deal.ownerId, due: msToDateInput(Date.now() + 14 * DAY) },
                  ])
                }
              >
                {t("addAction")}
              </Button>
            </fieldset>
            <div className="flex justify-end">
              <Button type="submit" disabled={save.isPending}>
                {t("save")}
              </Button>
            </div>
          </form>
        </Card>
      )}
    </div>
  );
}

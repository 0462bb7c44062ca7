"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useFieldArray, useForm } from "react-hook-form";
import { z } from "zod";
import { Button } from "@/app/_components/ui/button";
import { Alert, Card, Spinner } from "@/app/_components/ui/card";
import { SelectField, TextAreaField, TextField } from "@/app/_components/ui/field";
import { messageAt } from "@/app/_components/ui/form-errors";
import { Link } from "@/app/_components/ui/link";
import { useTRPC } from "@/app/_trpc/client";
import { dateInputToMs, msToDateInput, useReasonLabel } from "@/app/(crm)/_components/deals/labels";
import { createReviewInput } from "@/server/deals/deals.schemas";
import { ReasonCheckboxes } from "./reason-checkboxes";
import { ReviewContext } from "./review-context";

const DAY = 86_400_000;

/** The review as typed (dates, the contact chosen as text), turned into the procedure's input and checked by it. */
function reviewForm(dealId: number) {
  return z
    .object({
      contactId: z.string(),
      spokeAt: z.string(),
      primaryReason: z.string(),
      secondaryReasons: z.array(z.string()),
      buyerWords: z.string(),
      actions: z.array(z.object({ title: z.string(), assigneeId: z.string(), due: z.string() })),
    })
    .transform(
      (v): z.input<typeof createReviewInput> => ({
        dealId,
        buyerContactId: v.contactId ? Number(v.contactId) : null,
        spokeAt: dateInputToMs(v.spokeAt),
        primaryReason: v.primaryReason,
        secondaryReasons: v.secondaryReasons.filter((r) => r !== v.primaryReason),
        buyerWords: v.buyerWords,
        actions: v.actions.map((a) => ({
          title: a.title,
          assigneeId: a.assigneeId,
          dueAt: dateInputToMs(a.due),
        })),
      }),
    )
    .pipe(createReviewInput);
}

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
  const schema = reviewForm(dealId);
  const form = useForm<z.input<typeof schema>, unknown, z.output<typeof schema>>({
    resolver: zodResolver(schema),
    defaultValues: {
      contactId: "",
      spokeAt: msToDateInput(Date.now()),
      primaryReason: "",
      secondaryReasons: [],
      buyerWords: "",
      actions: [],
    },
  });
  const actions = useFieldArray({ control: form.control, name: "actions" });
  const [primary, secondary] = form.watch(["primaryReason", "secondaryReasons"]);
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
  // The browser's check first (the same schema), then the server's refusal.
  const err = (name: string) => messageAt(form.formState.errors, name) ?? errors[name]?.[0];
  const general = save.error && Object.keys(errors).length === 0 ? save.error.message : null;

  if (context.isPending) return <Spinner label={tCommon("states.loading")} />;
  if (context.isError) return <Alert>{context.error.message}</Alert>;
  const c = context.data;
  const outcome = c.deal.status;
  const actionsTitle =
    outcome === "lost" ? t("actionsLost") : outcome === "won" ? t("actionsWon") : t("actionsNoDecision");
  const owners = people.data?.owners ?? [];
  const submit = form.handleSubmit((input) => save.mutate(input));

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
                {...form.register("contactId")}
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
                error={err("spokeAt")}
                {...form.register("spokeAt")}
              />
            </div>
            <SelectField
              label={t("primary")}
              required
              {...form.register("primaryReason")}
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
              onChange={(next) => form.setValue("secondaryReasons", next)}
              error={err("secondaryReasons")}
            />
            <TextAreaField
              label={t("words")}
              required
              error={err("buyerWords")}
              {...form.register("buyerWords")}
            />
            <fieldset className="space-y-2">
              <legend className="text-sm font-medium text-slate-700">{actionsTitle}</legend>
              {actions.fields.map((a, i) => (
                <div key={a.id} className="grid items-end gap-2 sm:grid-cols-[1fr_12rem_10rem_auto]">
                  <TextField
                    label={`${t("actionTitle")} ${i + 1}`}
                    error={err(`actions.${i}.title`)}
                    {...form.register(`actions.${i}.title`)}
                  />
                  <SelectField
                    label={t("assignee")}
                    {...form.register(`actions.${i}.assigneeId`)}
                    options={[
                      { value: "", label: t("choose") },
                      ...owners.map((o) => ({ value: o.id, label: o.name })),
                    ]}
                    error={err(`actions.${i}.assigneeId`)}
                  />
                  <TextField
                    label={t("due")}
                    type="date"
                    error={err(`actions.${i}.dueAt`)}
                    {...form.register(`actions.${i}.due`)}
                  />
                  <Button
                    variant="ghost"
                    aria-label={t("removeAction", { n: i + 1 })}
                    onClick={() => actions.remove(i)}
                  >
                    ✕
                  </Button>
                </div>
              ))}
              <Button
                variant="secondary"
                size="sm"
                disabled={actions.fields.length >= 10}
                onClick={() =>
                  actions.append(
                    { title: "", assigneeId: c.deal.ownerId, due: msToDateInput(Date.now() + 14 * DAY) },
                    { shouldFocus: false },
                  )
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

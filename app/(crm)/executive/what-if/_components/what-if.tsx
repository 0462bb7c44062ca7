"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ChartCard } from "@/app/_components/report/chart-card";
import { CategoryChart } from "@/app/_components/report/charts";
import { COLORS } from "@/app/_components/report/colors";
import { useDate, useFormat } from "@/app/_components/report/format";
import type { Report, Series } from "@/app/_components/report/series";
import { Button } from "@/app/_components/ui/button";
import { Alert } from "@/app/_components/ui/card";
import { TextField } from "@/app/_components/ui/field";
import { useTRPC } from "@/app/_trpc/client";
import { NameForm } from "@/app/(crm)/_components/name-form";
import type { Outcome } from "@/server/complaints/sla.rules";
import { DEFAULT_WHAT_IF, mixGap, type WhatIfInputs, whatIf } from "@/server/executive/whatif.rules";
import { saveScenarioInput } from "@/server/executive/whatif.schemas";

const scenarioName = saveScenarioInput.pick({ name: true });

const OUTCOMES: Outcome[] = ["unacknowledged", "unresolved", "resolved", "resolved_quickly"];
const ROWS = ["withProblem", "complained", "silent", "retained", "lost"] as const;
/** A ratio as the number typed into a percent field: 0.425 → 42.5. */
const asPercentInput = (x: number) => Math.round(x * 1000) / 10;
const share = (value: string) => Number(value) / 100;

/** Baseline and scenario side by side: inputs, the customers and revenue lost, what the scenario wins back. */
export function WhatIf({ userId, isAdmin }: { userId: string; isAdmin: boolean }) {
  const t = useTranslations("executive.whatIf");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const f = useFormat();
  const date = useDate();
  const [baseline, setBaseline] = useState<WhatIfInputs>(DEFAULT_WHAT_IF);
  const [scenario, setScenario] = useState<WhatIfInputs>({
    ...DEFAULT_WHAT_IF,
    complainShare: 0.2,
    outcomeMix: { unacknowledged: 0.05, unresolved: 0.15, resolved: 0.3, resolved_quickly: 0.5 },
  });
  const [note, setNote] = useState<string | null>(null);
  const scenarios = useQuery(trpc.executive.scenarios.queryOptions());
  const measured = useMutation({
    mutationFn: () => queryClient.fetchQuery(trpc.executive.measured.queryOptions()),
    onSuccess: (m) => {
      // Repurchase per outcome is how customers behave: both sides. The outcome mix is today's handling: the
      // baseline only, so the scenario keeps the better handling it tests.
      const apply = (i: WhatIfInputs) => ({
        ...i,
        customers: m.customers || i.customers,
        customerValue: m.customerValue || i.customerValue,
        repurchase: { ...i.repurchase, ...m.complaints.repurchase },
      });
      setBaseline((i) => ({ ...apply(i), outcomeMix: m.complaints.outcomeMix ?? i.outcomeMix }));
      setScenario(apply);
      setNote(
        m.complaints.classified
          ? t("useOursComplaints", {
              customers: m.customers,
              buyers: m.buyersLastYear,
              complaints: m.complaints.classified,
            })
          : t("useOursDone", { customers: m.customers, buyers: m.buyersLastYear }),
      );
    },
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.executive.scenarios.queryKey() });
  const save = useMutation(
    trpc.executive.saveScenario.mutationOptions({
      onSuccess: () => {
        setNote(t("savedOk"));
        return refresh();
      },
    }),
  );
  const remove = useMutation(trpc.executive.deleteScenario.mutationOptions({ onSuccess: refresh }));

  const a = whatIf(baseline);
  const b = whatIf(scenario);
  const back = { customers: a.lost - b.lost, revenue: a.revenueLost - b.revenueLost };
  const figures = (name: string, r: ReturnType<typeof whatIf>, won: typeof back | null) => ({
    name,
    ...Object.fromEntries(ROWS.map((k) => [k, Math.round(r[k])])),
    revenueLost: Math.round(r.revenueLost),
    wonBackCustomers: won ? Math.round(won.customers) : null,
    wonBackRevenue: won ? Math.round(won.revenue) : null,
  });
  const results: Report = {
    rows: [figures(t("baseline"), a, null), figures(t("scenario"), b, back)],
    category: { key: "name", label: t("figure"), csv: "figure" },
    series: [
      ...ROWS.map(
        (k): Series => ({
          key: k,
          label: t(`rows.${k}`),
          format: "count",
          chart: k === "lost" || k === "retained" ? "bar" : false,
          color: k === "lost" ? COLORS.bad : k === "retained" ? COLORS.good : undefined,
        }),
      ),
      {
        key: "revenueLost",
        label: t("rows.revenueLost"),
        format: "money",
        chart: false,
        csv: "revenue_lost",
      },
      {
        key: "wonBackCustomers",
        label: t("wonBack"),
        format: "count",
        chart: false,
        csv: "won_back_customers",
      },
      {
        key: "wonBackRevenue",
        label: t("wonBackRevenue"),
        format: "money",
        chart: false,
        csv: "won_back_revenue",
      },
    ],
  };

  return (
    <div className="space-y-5">
      <div className="no-print flex flex-wrap gap-2">
        <Button variant="secondary" onClick={() => measured.mutate()} disabled={measured.isPending}>
          {t("useOurs")}
        </Button>
        <Button
          variant="secondary"
          onClick={() => {
            setBaseline(DEFAULT_WHAT_IF);
            setScenario(DEFAULT_WHAT_IF);
            setNote(null);
          }}
        >
          {t("defaults")}
        </Button>
      </div>
      {note ? <Alert tone="info">{note}</Alert> : null}

      <div className="grid gap-5 lg:grid-cols-2">
        <InputsForm title={t("baseline")} value={baseline} onChange={setBaseline} />
        <InputsForm title={t("scenario")} value={scenario} onChange={setScenario} />
      </div>

      <ChartCard
        title={t("results")}
        info={t("resultsInfo")}
        csvName="service-what-if.csv"
        report={results}
        chart={
          <div>
            <p className="mb-3 text-lg font-semibold text-slate-900">
              {t("wonBack")}: {t("wonBackCustomers", { count: f.count(back.customers) })} ·{" "}
              {f.money(Math.round(back.revenue))}
            </p>
            <CategoryChart
              report={results}
              label={t("chart")}
              horizontal
              stacked
              height={200}
              yLabel={t("axisCustomers")}
            />
          </div>
        }
      />

      <section
        aria-label={t("saved")}
        className="no-print space-y-3 rounded-lg border border-slate-200 bg-white p-4"
      >
        <NameForm
          label={t("name")}
          submit={t("save")}
          fieldClassName="w-72"
          schema={scenarioName}
          pending={save.isPending}
          error={(client) =>
            client ?? save.error?.data?.fieldErrors?.name?.[0] ?? (save.error ? t("invalid") : undefined)
          }
          onSave={(name, done) => save.mutate({ name, inputs: scenario }, { onSuccess: done })}
        />
        <h2 className="text-sm font-semibold text-slate-800">{t("saved")}</h2>
        {scenarios.data && scenarios.data.length === 0 ? (
          <p className="text-sm text-slate-500">{t("savedEmpty")}</p>
        ) : null}
        <ul className="divide-y divide-slate-100">
          {(scenarios.data ?? []).map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <span className="font-medium">{s.name}</span>{" "}
                <span className="text-slate-500">
                  {t("savedBy", { name: s.createdByName ?? "—", date: date(s.createdAt) })}
                </span>
              </span>
              <span className="flex gap-2">
                <Button size="sm" variant="secondary" onClick={() => setBaseline(s.inputs)}>
                  {t("loadBaseline")}
                </Button>
                <Button size="sm" variant="secondary" onClick={() => setScenario(s.inputs)}>
                  {t("loadScenario")}
                </Button>
                {s.createdById === userId || isAdmin ? (
                  <Button
                    size="sm"
                    variant="ghost"
                    onClick={() => remove.mutate({ id: s.id })}
                    aria-label={`${t("delete")} ${s.name}`}
                  >
                    {t("delete")}
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

function InputsForm({
  title,
  value,
  onChange,
}: {
  title: string;
  value: WhatIfInputs;
  onChange: (next: WhatIfInputs) => void;
}) {
  const t = useTranslations("executive.whatIf");
  const gap = mixGap(value.outcomeMix);
  const num = (label: string, v: number, set: (x: string) => void, step = "1") => (
    <TextField
      label={label}
      type="number"
      min={0}
      step={step}
      value={Number.isFinite(v) ? v : ""}
      onChange={(e) => set(e.target.value)}
    />
  );
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-800">{title}</legend>
      <div className="grid grid-cols-2 gap-3">
        {num(t("customers"), value.customers, (x) =>
          onChange({ ...value, customers: Math.round(Number(x)) }),
        )}
        {num(
          t("customerValue"),
          value.customerValue / 100,
          (x) => onChange({ ...value, customerValue: Math.round(Number(x) * 100) }),
          "0.01",
        )}
        {num(
          t("problemShare"),
          asPercentInput(value.problemShare),
          (x) => onChange({ ...value, problemShare: share(x) }),
          "0.1",
        )}
        {num(
          t("complainShare"),
          asPercentInput(value.complainShare),
          (x) => onChange({ ...value, complainShare: share(x) }),
          "0.1",
        )}
      </div>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-600">{t("mix")}</legend>
        <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-4">
          {OUTCOMES.map((o) => (
            <div key={o}>
              {num(
                t(`outcome.${o}`),
                asPercentInput(value.outcomeMix[o]),
                (x) => onChange({ ...value, outcomeMix: { ...value.outcomeMix, [o]: share(x) } }),
                "0.1",
              )}
            </div>
          ))}
        </div>
        {gap !== 0 ? (
          <p role="alert" className="mt-1 text-xs text-red-700">
            {t("mixGap", { total: asPercentInput(1 - gap) })}
          </p>
        ) : null}
      </fieldset>
      <fieldset>
        <legend className="mb-1 text-xs font-medium text-slate-600">{t("repurchase")}</legend>
        <div className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3">
          {num(
            t("silent"),
            asPercentInput(value.repurchase.silent),
            (x) => onChange({ ...value, repurchase: { ...value.repurchase, silent: share(x) } }),
            "0.1",
          )}
          {OUTCOMES.map((o) => (
            <div key={o}>
              {num(
                t(`outcome.${o}`),
                asPercentInput(value.repurchase[o]),
                (x) => onChange({ ...value, repurchase: { ...value.repurchase, [o]: share(x) } }),
                "0.1",
              )}
            </div>
          ))}
        </div>
      </fieldset>
    </fieldset>
  );
}

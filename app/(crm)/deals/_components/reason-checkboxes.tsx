"use client";

import { useReasonLabel } from "@/app/(crm)/_components/deals/labels";

/** The optional secondary reasons: every reason but the primary one, as checkboxes in a fieldset. */
export function ReasonCheckboxes({
  legend,
  reasons,
  exclude,
  value,
  onChange,
  error,
}: {
  legend: string;
  reasons: readonly string[];
  exclude: string;
  value: string[];
  onChange: (next: string[]) => void;
  error?: string;
}) {
  const label = useReasonLabel();
  return (
    <fieldset className="space-y-1">
      <legend className="text-sm font-medium text-slate-700">{legend}</legend>
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {reasons
          .filter((r) => r !== exclude)
          .map((r) => (
            <label key={r} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
              <input
                type="checkbox"
                checked={value.includes(r)}
                onChange={(e) => onChange(e.target.checked ? [...value, r] : value.filter((v) => v !== r))}
              />
              {label(r)}
            </label>
          ))}
      </div>
      {error ? (
        <p role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

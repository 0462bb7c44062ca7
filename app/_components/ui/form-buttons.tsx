"use client";

import { useTranslations } from "next-intl";
import { Button } from "./button";

/** A form's submit button (its label while the request runs) and, when given, Cancel; both off meanwhile. */
export function FormButtons({
  pending,
  submit,
  submitting,
  onCancel,
  size,
}: {
  pending: boolean;
  submit: string;
  submitting?: string;
  onCancel?: () => void;
  size?: "sm";
}) {
  const tc = useTranslations("common");
  return (
    <div className="flex flex-wrap gap-2">
      <Button type="submit" size={size} disabled={pending}>
        {pending && submitting ? submitting : submit}
      </Button>
      {onCancel ? (
        <Button variant="ghost" size={size} onClick={onCancel} disabled={pending}>
          {tc("actions.cancel")}
        </Button>
      ) : null}
    </div>
  );
}

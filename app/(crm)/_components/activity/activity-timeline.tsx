"use client";

import { useFormatter, useNow, useTranslations } from "next-intl";
import { ActivityIcon } from "./activity-icons";
import type { ActivityItem } from "./types";

/** One activity: icon and type, who and when (relative; the absolute time on hover and for screen readers). */
function TimelineEntry({ item, now }: { item: ActivityItem; now: Date }) {
  const t = useTranslations("activities.activities");
  const tType = useTranslations("enums.activityType");
  const format = useFormatter();
  // dateStyle/timeStyle cannot be combined with timeZoneName, hence the explicit fields.
  const absolute = format.dateTime(item.at, {
    year: "numeric",
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  });
  return (
    <li className="flex gap-3 py-3">
      <ActivityIcon type={item.type} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-1.5 text-sm">
          <span className="font-medium text-slate-900">{tType(item.type)}</span>
          {item.contactName ? (
            <span className="text-slate-600">
              <span aria-hidden="true">· </span>
              {t("withContact", { name: item.contactName })}
            </span>
          ) : null}
          <span className="text-slate-500">
            <span aria-hidden="true">· </span>
            {t("by", { name: item.userName })}
          </span>
          <time
            dateTime={new Date(item.at).toISOString()}
            title={absolute}
            className="ml-auto whitespace-nowrap text-xs text-slate-500"
          >
            {format.relativeTime(item.at, now)}
            <span className="sr-only"> ({absolute})</span>
          </time>
        </p>
        <p className="mt-1 whitespace-pre-line break-words text-sm text-slate-700">{item.summary}</p>
      </div>
    </li>
  );
}

export function ActivityTimeline({ items }: { items: ActivityItem[] }) {
  const t = useTranslations("activities.activities");
  const now = useNow({ updateInterval: 60_000 });
  return (
    <ul aria-label={t("timeline")} className="divide-y divide-slate-100">
      {items.map((item) => (
        <TimelineEntry key={item.id} item={item} now={now} />
      ))}
    </ul>
  );
}

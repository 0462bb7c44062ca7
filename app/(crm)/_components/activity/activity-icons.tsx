import { cn } from "@/app/_components/ui/cn";
import type { ActivityType } from "@/db/schema/activities";

// Small outline icons (24×24 viewBox, stroke currentColor); decorative, the type label carries the meaning.
const paths: Record<ActivityType, string> = {
  call: "M5 4h3l2 5-2.5 1.5a11 11 0 0 0 6 6L15 14l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2",
  email: "M4 6h16v12H4zM4 7l8 6 8-6",
  meeting:
    "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6M3 20v-1a5 5 0 0 1 10 0v1M16 11a3 3 0 1 0 0-6M21 20v-1a5 5 0 0 0-4-4.9",
  visit: "M12 21s-6-5.5-6-11a6 6 0 0 1 12 0c0 5.5-6 11-6 11M12 12.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5",
  note: "M6 3h9l4 4v14H6zM14 3v5h5M9 13h7M9 17h5",
};

const tones: Record<ActivityType, string> = {
  call: "bg-blue-50 text-blue-700 ring-blue-200",
  email: "bg-violet-50 text-violet-700 ring-violet-200",
  meeting: "bg-amber-50 text-amber-800 ring-amber-200",
  visit: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  note: "bg-slate-100 text-slate-700 ring-slate-200",
};

export function ActivityIcon({ type, className }: { type: ActivityType; className?: string }) {
  return (
    <span
      aria-hidden="true"
      className={cn(
        "grid h-8 w-8 shrink-0 place-items-center rounded-full ring-1 ring-inset",
        tones[type],
        className,
      )}
    >
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-4 w-4"
        fill="none"
        stroke="currentColor"
        strokeWidth={1.8}
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d={paths[type]} />
      </svg>
    </span>
  );
}

// Form <-> epoch ms conversions. The app shows every date in UTC (i18n/request.ts), so the form fields do too.

const DAY_MS = 86_400_000;

/** "YYYY-MM-DDTHH:mm" for a datetime-local input. */
export function toUtcDateTimeInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 16);
}

/** Epoch ms from a datetime-local value read as UTC; NaN when empty or invalid (the schema reports it). */
export function fromUtcDateTimeInput(value: string): number {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? Date.parse(`${value}:00Z`) : Number.NaN;
}

/** "YYYY-MM-DD" for a date input. */
export function toUtcDateInput(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A due day is stored as its last millisecond (UTC): the task is not overdue until that day is over. */
export function dueAtFromDateInput(value: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) + DAY_MS - 1 : Number.NaN;
}

/** Promised times and message times on the public pages: with the time zone, since the customer may be anywhere. */
export const PROMISE_FORMAT = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
} as const;

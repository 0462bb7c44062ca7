// A server page's searchParams record, read like URLSearchParams, so one parser serves the server prefetch
// and the browser (useSearchParams) alike.
export type Params = { get(name: string): string | null };

export function recordParams(record: Record<string, string | string[] | undefined>): Params {
  return {
    get: (name) => {
      const v = record[name];
      return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
    },
  };
}

// New orders for the API benches (bench/api.ts, bench/api-profile.ts): each batch for n different accounts
// chosen by a small LCG, so runs on the same database post the same orders.

export type BenchOrder<T> = {
  accountRef: string;
  externalRef: string;
  orderedAt: T;
  amount: number;
  margin: number;
  category: string;
};

export function benchOrders<T>(refs: readonly string[], prefix: string, orderedAt: T) {
  let seed = 15;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  let serial = 0;
  return (n: number): BenchOrder<T>[] => {
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(refs[Math.floor(random() * refs.length)] as string);
    return [...chosen].map((accountRef) => {
      serial += 1;
      const amount = 5_000 + Math.floor(random() * 200_000);
      return {
        accountRef,
        externalRef: `${prefix}-${process.pid}-${serial}`,
        orderedAt,
        amount,
        margin: Math.floor(amount * 0.25),
        category: "Bench",
      };
    });
  };
}

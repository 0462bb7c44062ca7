// Generated import files for the import benches (bench/import-speed.ts, bench/import-under-load.ts):
// deterministic, with quoted commas and Chinese and English names.
let seed = 7;
// mulberry32: a small, well-spread deterministic generator.
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
};

export function orderFile(lines: number): string {
  const segments = ["Consumer", "Corporate", "Home Office"];
  const rows = ["Order ID,Order Date,Customer ID,Customer Name,Segment,Category,Sales,Profit"];
  let order = 0;
  while (rows.length <= lines) {
    order += 1;
    const customer = Math.floor(rand() * (lines / 4));
    const day = new Date(Date.UTC(2023, 0, 1) + Math.floor(rand() * 1400) * 86_400_000);
    const date = `${day.getUTCMonth() + 1}/${day.getUTCDate()}/${day.getUTCFullYear()}`;
    const n = 1 + Math.floor(rand() * 4);
    for (let l = 0; l < n && rows.length <= lines; l += 1) {
      const sales = (5 + rand() * 900).toFixed(2);
      const profit = (Number(sales) * (rand() * 0.5 - 0.1)).toFixed(2);
      rows.push(
        `ORD-${order},${date},CUST-${customer},Customer ${customer},${segments[customer % 3]},Office Supplies,${sales},${profit}`,
      );
    }
  }
  return rows.join("\n");
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "Smith", "Garcia", "Müller", "O'Brien", "Kim"];
const GIVEN = ["芳", "伟", "娜", "敏", "静", "Anna", "José", "Lena", "Sean", "Min-jun"];
const SEGMENTS = ["Corporate", "Retail", "Wholesale", "Public sector", "Consumer"];

export function accountFile(lines: number, changedEvery = 0): string {
  seed = 11;
  const rows = ["Account ID,Company,Contact Name,Title,Email,Phone,Segment,Industry"];
  let account = 0;
  while (rows.length <= lines) {
    account += 1;
    const person = account % 5 === 0;
    const company = person ? "" : `"${SURNAMES[account % 10]} Trading ${account}, Ltd."`;
    const changed = changedEvery > 0 && account % changedEvery === 0;
    const segment = person ? "Consumer" : SEGMENTS[account % 4];
    const contacts = person ? 1 : 1 + Math.floor(rand() * 3);
    for (let c = 0; c < contacts && rows.length <= lines; c += 1) {
      const name = `${SURNAMES[(account + c) % 10]}${GIVEN[(account * 7 + c) % 10]}`;
      const title = changed && c === 0 ? "Head of Purchasing" : ["Buyer", "CFO", "Owner"][c];
      rows.push(
        `ACC-${account},${company},${name},${title},c${c}.a${account}@example.com,+86 21 5555 ${String(account % 10_000).padStart(4, "0")},${segment},${changed ? "Logistics" : "Trade"}`,
      );
    }
  }
  return rows.join("\n");
}

// axe-core's WCAG 2.1 A/AA check of what a page shows now (issue #16), shared by the sweep (a11y.spec.ts) and the
// specs that reach pages the sweep cannot (setup.spec.ts: /setup exists only on an empty database).
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Impact = "minor" | "moderate" | "serious" | "critical";

/**
 * The WCAG 2.1 A/AA violations of `impacts` (serious and critical unless told) on what the page shows now,
 * one line per rule naming the page (`label`), the rule, a few elements and why; `skip` leaves rules out.
 */
export async function axeFindings(
  page: Page,
  label: string,
  {
    impacts = ["serious", "critical"],
    skip = () => false,
  }: { impacts?: Impact[]; skip?: (rule: string) => boolean } = {},
): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return violations
    .filter((v) => impacts.includes(v.impact as Impact))
    .filter((v) => !skip(v.id))
    .map((v) => {
      const where = v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(" "))
        .join(" | ");
      const why = v.nodes[0]?.failureSummary?.split("\n").slice(1, 2).join("").trim() ?? "";
      return `${label}: ${v.id} (${v.impact}, ${v.nodes.length} element(s)): ${v.help} — e.g. ${where} — ${why}`;
    });
}

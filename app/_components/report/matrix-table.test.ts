import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MatrixTable } from "./matrix-table";

const reasons = [
  { key: "price", label: "Price" },
  { key: "relationship", label: "Relationship" },
];
const counts = [
  [3, 1],
  [0, 0],
];

function render() {
  return renderToStaticMarkup(
    createElement(MatrixTable, {
      caption: "Owner's reason × buyer's reason",
      rows: reasons,
      columns: reasons,
      value: (r: number, c: number) => counts[r]?.[c] ?? 0,
      detail: (r: number, c: number) => `${counts[r]?.[c]} deals`,
      outlineDiagonal: true,
    }),
  );
}

describe("MatrixTable", () => {
  it("heads the columns with the categories alone (empty corner) and each row with its category", () => {
    const html = render();
    expect(html).toContain("<caption");
    expect(html.match(/scope="col"/g)).toHaveLength(2);
    expect(html).toMatch(/<thead><tr><td><\/td>/);
    expect(html).toMatch(/<th scope="row"[^>]*>Relationship<\/th>/);
  });

  it("colours the largest cell darkest with white text, an empty one light with dark text, and outlines agreement", () => {
    const cells = [...render().matchAll(/<td title="([^"]*)" class="([^"]*)" style="([^"]*)">(\d+)<\/td>/g)];
    expect(cells.map((c) => c[4])).toEqual(["3", "1", "0", "0"]);
    expect(cells[0]?.[3]).toBe("background-color:#0d57a1;color:#FFFFFF");
    expect(cells[2]?.[3]).toBe("background-color:#f7fbff;color:#000000");
    expect(cells[0]?.[2]).toContain("ring-2");
    expect(cells[1]?.[2]).not.toContain("ring-2");
    expect(cells[0]?.[1]).toBe("3 deals");
  });
});

import { describe, expect, it } from "vitest";
import { cleanSearchText, searchText } from "./search-text";

describe("search box text", () => {
  it("turns control characters into spaces and trims", () => {
    expect(cleanSearchText("a\u0000b")).toBe("a b");
    expect(cleanSearchText("\t 王\n芳 \u007f")).toBe("王 芳");
    expect(cleanSearchText("\u0000\u0001")).toBe("");
    expect(cleanSearchText('"quoted, with comma"')).toBe('"quoted, with comma"');
  });

  it("refuses text over the limit before cleaning it", () => {
    expect(searchText(3).safeParse("abcd").success).toBe(false);
    expect(searchText(3).parse(" ab")).toBe("ab");
  });
});

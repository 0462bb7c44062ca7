import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV export", () => {
  it("quotes cells with commas, quotes and line breaks, and leaves empty cells empty", () => {
    expect(
      toCsv([
        ["name", "revenue", "note"],
        ["上海明珠, 贸易", 1250, 'said "great"'],
        ["Acme", null, "line\nbreak"],
      ]),
    ).toBe('name,revenue,note\r\n"上海明珠, 贸易",1250,"said ""great"""\r\nAcme,,"line\nbreak"');
  });
});

import { describe, expect, it } from "vitest";
import { CSV_BOM, csvCell, toCsv } from "./csv";

describe("CSV cells", () => {
  it("quotes cells with commas, quotes and line breaks, and leaves empty cells empty", () => {
    expect(
      toCsv([
        ["name", "revenue", "note"],
        ["上海明珠, 贸易", 1250, 'said "great"'],
        ["Acme", null, "line\nbreak"],
      ]),
    ).toBe('name,revenue,note\r\n"上海明珠, 贸易",1250,"said ""great"""\r\nAcme,,"line\nbreak"');
  });

  it("makes text that a spreadsheet would run as a formula inert", () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    expect(csvCell("+1 555 0100")).toBe("'+1 555 0100");
    expect(csvCell("-sum(A1)")).toBe("'-sum(A1)");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\tTAB")).toBe("'\tTAB");
    expect(csvCell("\rCR")).toBe(`"'\rCR"`);
  });

  it("writes numbers as numbers, negative ones too, and leaves ordinary text alone", () => {
    expect(csvCell(-45)).toBe("-45");
    expect(csvCell(0.25)).toBe("0.25");
    expect(csvCell("Brightline Supply")).toBe("Brightline Supply");
    expect(csvCell("a=b")).toBe("a=b");
  });

  it("has a UTF-8 byte-order mark to put in front of a file", () => {
    expect(CSV_BOM).toBe("\uFEFF");
  });
});

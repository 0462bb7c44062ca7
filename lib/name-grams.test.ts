import { describe, expect, it } from "vitest";
import { nameGramOf } from "./name-grams";

describe("which searches the name grams answer", () => {
  it("takes one or two characters with a Chinese (or other non-ASCII) one among them", () => {
    expect(nameGramOf("张伟")).toBe("张伟");
    expect(nameGramOf("伟")).toBe("伟");
    expect(nameGramOf("a张")).toBe("a张");
    expect(nameGramOf("é")).toBe("é");
    // A character outside the BMP is one character, as SQLite's substr() counts it.
    expect(nameGramOf("𠀀")).toBe("𠀀");
    expect(nameGramOf("𠀀a")).toBe("𠀀a");
  });

  it("leaves ASCII-only and longer searches to the name and trigram indexes", () => {
    expect(nameGramOf("ab")).toBeNull();
    expect(nameGramOf("a")).toBeNull();
    expect(nameGramOf("~")).toBeNull();
    expect(nameGramOf("张伟明")).toBeNull();
    expect(nameGramOf("")).toBeNull();
  });
});

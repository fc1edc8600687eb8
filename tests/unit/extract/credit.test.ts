// Credit tests: the agency or publisher a pasted article names, read where agencies sign their copy.
// Every text is written for the test.

import { describe, expect, it } from "vitest";
import { creditedSource } from "../../../extractor/credit";
import { extractArticles } from "../../../extractor/extract";

describe("credit #source", () => {
  it("should read the agency from a dateline, a Source line, a copyright line or a closing credit", () => {
    expect(creditedSource("ACCRA (Reuters) - Ghana's foreign minister met her Chilean counterpart.")).toBe("Reuters");
    expect(creditedSource("HANOI, June 3 (VNA) – Vietnam and Laos signed a transport accord on Monday.")).toBe("VNA");
    expect(creditedSource("Two ministers met in Lima.\n\nSource: Andina News Agency\n")).toBe("Andina News Agency");
    expect(creditedSource("Two ministers met in Nairobi.\n\n© 2025 Daily Nation Media, All Rights Reserved.")).toBe(
      "Daily Nation Media",
    );
    expect(creditedSource("Two ministers met in Jakarta on Friday.\n\n(Antara)\n")).toBe("Antara");
  });

  it("should find no credit in plain prose or in a party's initials after a name", () => {
    expect(creditedSource("President Ana Souza (PT) received her counterpart in Brasília on Tuesday.")).toBeNull();
    expect(creditedSource("The two foreign ministers met in Dakar and discussed trade.")).toBeNull();
    expect(creditedSource("SEOUL (Update) - The talks resumed.")).toBeNull();
  });

  it("should use the credit as the article's source when no source header is given, and the header when it is", () => {
    const body = "NAIROBI (Xinhua) -- Kenya's President met Tanzania's President in Nairobi on Monday.";
    expect(extractArticles([{ file: "pasted.txt", text: body }]).articles[0].source).toBe("Xinhua");
    const headed = `source: example-news.org\n\n${body}`;
    expect(extractArticles([{ file: "pasted.txt", text: headed }]).articles[0].source).toBe("example-news.org");
  });
});

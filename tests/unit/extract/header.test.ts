// Header and layout tests: `key: value` headers, datelines, date lines and clutter, with synthetic text.
// Offsets must stay those of the original text.

import { describe, expect, it } from "vitest";
import { analyseLayout, parseDateLine } from "../../../extractor/boilerplate";
import { headerDate, parseHeader } from "../../../extractor/header";

describe("extract #header", () => {
  it("should parse lower-case key lines ended by a blank line", () => {
    const text = "source: example.org\ndate: 2021-03-04\n\nBody starts here.";
    const h = parseHeader(text);
    expect(h.fields).toEqual({ source: "example.org", date: "2021-03-04" });
    expect(text.slice(h.bodyStart)).toBe("Body starts here.");
  });

  it("should not take an upper-case dateline for a header", () => {
    const h = parseHeader("AMMAN: Two envoys met on Monday.\n");
    expect(h.fields).toEqual({});
    expect(h.bodyStart).toBe(0);
  });

  it("should treat 'unknown' and malformed dates as null", () => {
    expect(headerDate("unknown")).toBeNull();
    expect(headerDate("2021-02-30")).toBeNull();
    expect(headerDate("2021-02-03T10:00:00Z")).toBe("2021-02-03");
  });
});

describe("extract #layout", () => {
  it("should find title, dateline and a standalone date line", () => {
    const text = "Envoys hold talks on water\nJune 3, 2021\nAMMAN, June 3 (XNA) – The envoys met today.\nPolitics";
    const l = analyseLayout(text, 0);
    expect(l.title).toBe("Envoys hold talks on water");
    expect(l.bodyDate).toBe("2021-06-03");
    expect(l.datelinePlace).toBe("AMMAN");
    const body = l.paragraphs.filter((p) => p.kind === "body");
    expect(body).toHaveLength(1);
    expect(text.slice(body[0].start, body[0].end)).toBe("The envoys met today.");
  });

  it("should drop copyright and byline lines", () => {
    const text =
      "A minister spoke.\n© 2020 Some Publisher, all rights reserved.\nReporting by A Desk; Editing by B Person";
    const l = analyseLayout(text, 0);
    expect(l.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(["A minister spoke."]);
  });

  it("should read a leading 'date YYYY-MM-DD' prefix as the publication date", () => {
    const text = " date 2022-01-05 CAIRO – Officials met.";
    const l = analyseLayout(text, 0);
    expect(l.bodyDate).toBe("2022-01-05");
    expect(l.datelinePlace).toBe("CAIRO");
  });

  it("should parse both date-line orders", () => {
    expect(parseDateLine("5 May 2019")).toBe("2019-05-05");
    expect(parseDateLine("Sept 9, 2018")).toBe("2018-09-09");
    expect(parseDateLine("The fifth of May")).toBeNull();
  });
});

/**
 * The dossier's PDF (client/src/features/export/dossier-pdf.ts), laid out from made-up content: names in the
 * scripts a newsroom prints (Azerbaijani ə, Turkish ğ, Vietnamese, Arabic) have glyphs in the embedded font, long
 * tables flow onto further pages, the paper and orientation chosen give the page size, and colours as sigma gives
 * them become PDF colours.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import type { Drawing } from "../../../client/src/features/export/drawing.js";
import { type DossierContent, buildDossierPdf, pdfColor } from "../../../client/src/features/export/dossier-pdf.js";

const fontBytes = readFileSync(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
const NAMES = ["Leyla Əhmədova", "Ayşe Doğan", "Nguyễn Thị Hồng", "سارة الحسيني"];

const drawing: Drawing = {
  width: 400,
  height: 300,
  labelSize: 12,
  labelFont: "sans-serif",
  nodes: [
    { key: "a", x: 100, y: 100, radius: 8, color: "#4e79a7", label: NAMES[0]! },
    { key: "b", x: 300, y: 200, radius: 6, color: "#e15759", label: NAMES[3]! },
  ],
  edges: [{ x1: 100, y1: 100, x2: 300, y2: 200, color: "#8a94a6", width: 2 }],
};

function content(actors: number, footnotes: number): DossierContent {
  return {
    title: "Made-up meetings",
    scope: ["View: who met whom.", "Filters: none.", "Time window: all dates."],
    drawing,
    legend: [{ key: "person", label: "Person", color: "#4e79a7", count: actors }],
    actors: Array.from({ length: actors }, (_, i) => ({
      name: NAMES[i % NAMES.length]!,
      type: "Person",
      roles: [`Envoy number ${i} of a made-up ministry with a long name that wraps onto a second line`],
    })),
    moreActors: 0,
    footnotes: Array.from({ length: footnotes }, (_, i) => ({
      quote: `The two envoys met for the ${i}th time and spoke about the border.`,
      source: "Made-up Gazette, Envoys meet again",
      published: "2024-05-01",
      about: `${NAMES[0]} — ${NAMES[1]}`,
      url: null,
    })),
    moreFootnotes: 3,
  };
}

describe("dossier #pdf", () => {
  it("should have a glyph in the embedded font for every letter of names in Azerbaijani, Turkish, Vietnamese and Arabic", () => {
    const font = fontkit.create(fontBytes);
    for (const name of NAMES)
      for (const char of name.replace(/\s/g, ""))
        expect(font.hasGlyphForCodePoint(char.codePointAt(0)!), `${char} in ${name}`).toBe(true);
  });

  it("should flow a long actors' table and the footnotes onto further pages of the paper chosen", async () => {
    const long = await PDFDocument.load(
      await buildDossierPdf(content(90, 60), { size: "letter", orientation: "landscape" }, fontBytes),
    );
    expect(long.getPageCount()).toBeGreaterThan(4);
    for (const page of long.getPages()) expect(page.getSize()).toEqual({ width: 792, height: 612 });
    expect(long.getTitle()).toBe("Made-up meetings");
  });

  it("should read sigma's colours: hex, short hex and rgba", () => {
    expect(pdfColor("#ff0000")).toMatchObject({ red: 1, green: 0, blue: 0 });
    expect(pdfColor("#0f0")).toMatchObject({ red: 0, green: 1, blue: 0 });
    expect(pdfColor("rgba(0, 0, 255, 0.5)")).toMatchObject({ red: 0, green: 0, blue: 1 });
    expect(pdfColor("not a colour")).toMatchObject({ red: 0.55 });
  });
});

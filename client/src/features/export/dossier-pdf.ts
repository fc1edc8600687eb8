/**
 * Dossier PDF
 * ===========
 *
 * Lays a dossier out as a PDF with pdf-lib: a title and the view's scope in words, the network as vector paths (the
 * shapes of drawing.ts, the same the SVG export writes: edges as lines, nodes as discs, the labels seen as text),
 * the legend, a table of the actors shown with their roles, and numbered footnotes with every cited quote, its
 * source and date. Text is set in an embedded Unicode font (pdf-lib's standard fonts only write WinAnsi, so ə, ğ,
 * Vietnamese or Arabic names would fail), subset to the glyphs used. Tables and footnotes flow onto further pages;
 * every page gets a footer with its number.
 *
 * No DOM here: the browser's dossier (dossier.ts) passes the content and the font's bytes, and tests can call it
 * directly.
 */
import fontkit from "@pdf-lib/fontkit";
import {
  PDFDocument,
  type PDFFont,
  type PDFPage,
  PageSizes,
  type RGB,
  clip,
  endPath,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
} from "pdf-lib";
import type { Drawing, LegendEntry } from "./drawing";

export const PAPER_SIZES = ["a4", "letter"] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
export const ORIENTATIONS = ["portrait", "landscape"] as const;
export type Orientation = (typeof ORIENTATIONS)[number];

export interface DossierActor {
  name: string;
  type: string;
  /** The actor's roles in words ("Foreign Minister of Iran, 2013–2021"), empty when none are known. */
  roles: string[];
}

export interface DossierFootnote {
  quote: string;
  /** Publisher and title of the article. */
  source: string;
  /** The article's publication date, when known. */
  published: string | null;
  /** The link the quote is evidence of, in words ("A met B on 2019-03-02"). */
  about: string;
  url: string | null;
}

/** Everything a dossier shows, gathered by dossier.ts from the view on screen and the API. */
export interface DossierContent {
  title: string;
  /** Lines that say what the view is: its kind, filters and time window, when it was made. */
  scope: string[];
  drawing: Drawing;
  legend: LegendEntry[];
  actors: DossierActor[];
  /** Actors left out of the table (too many to read their roles), 0 when none. */
  moreActors: number;
  footnotes: DossierFootnote[];
  /** Cited quotes left out past the cap, 0 when none. */
  moreFootnotes: number;
}

export interface PaperOptions {
  size: PaperSize;
  orientation: Orientation;
}

const MARGIN = 42;
const INK = rgb(0.11, 0.14, 0.19);
const MUTED = rgb(0.38, 0.42, 0.48);
const RULE = rgb(0.8, 0.82, 0.85);

/** A CSS colour as sigma hands it (`#rgb`, `#rrggbb`, `rgb(a)(…)`) as a pdf-lib colour; grey when unreadable. */
export function pdfColor(css: string | undefined): RGB {
  const value = (css ?? "").trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})(?:[0-9a-f]{2})?$/i.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join("") : hex[1]!;
    const n = parseInt(digits, 16);
    return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/i.exec(value);
  if (fn) return rgb(Number(fn[1]) / 255, Number(fn[2]) / 255, Number(fn[3]) / 255);
  return rgb(0.55, 0.55, 0.55);
}

/** One line of text on one line: newlines and runs of spaces become single spaces. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Splits `text` into lines no wider than `width` at `size` (a word longer than a line is cut). */
export function wrapText(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of flat(text).split(" ")) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}

/** A writer that keeps a cursor and starts a new page when the next block does not fit. */
class Flow {
  page!: PDFPage;
  y = 0;
  readonly pages: PDFPage[] = [];
  constructor(
    private readonly doc: PDFDocument,
    readonly font: PDFFont,
    private readonly size: [number, number],
  ) {
    this.newPage();
  }
  get width(): number {
    return this.size[0] - 2 * MARGIN;
  }
  get top(): number {
    return this.size[1] - MARGIN;
  }
  newPage(): void {
    this.page = this.doc.addPage(this.size);
    this.pages.push(this.page);
    this.y = this.top;
  }
  /** Makes room for `height` points, on a new page when this one is full. */
  need(height: number): void {
    if (this.y - height < MARGIN + 14) this.newPage();
  }
  text(text: string, options: { size?: number; color?: RGB; x?: number; width?: number; gap?: number } = {}): void {
    const size = options.size ?? 9;
    const x = options.x ?? MARGIN;
    const leading = size * 1.3;
    for (const line of wrapText(text, this.font, size, options.width ?? this.width - (x - MARGIN))) {
      this.need(leading);
      this.y -= leading;
      this.page.drawText(line, { x, y: this.y + size * 0.25, size, font: this.font, color: options.color ?? INK });
    }
    this.y -= options.gap ?? 0;
  }
  heading(text: string): void {
    this.need(40);
    this.y -= 8;
    this.text(text, { size: 13, gap: 4 });
  }
}

/**
 * Draws the network into the box whose top-left corner is (`left`, `top`), `width` × `height` points, keeping the
 * drawing's proportions; what lies outside the screen's viewport is clipped, as on screen.
 */
function drawNetwork(
  page: PDFPage,
  font: PDFFont,
  drawing: Drawing,
  box: { left: number; top: number; width: number; height: number },
) {
  const scale = Math.min(box.width / Math.max(1, drawing.width), box.height / Math.max(1, drawing.height));
  const w = drawing.width * scale;
  const h = drawing.height * scale;
  const left = box.left + (box.width - w) / 2;
  const top = box.top;
  const at = (x: number, y: number) => ({ x: left + x * scale, y: top - y * scale });
  page.drawRectangle({ x: left, y: top - h, width: w, height: h, borderColor: RULE, borderWidth: 0.75 });
  page.pushOperators(pushGraphicsState(), rectangle(left, top - h, w, h), clip(), endPath());
  for (const edge of drawing.edges) {
    page.drawLine({
      start: at(edge.x1, edge.y1),
      end: at(edge.x2, edge.y2),
      thickness: Math.max(0.25, edge.width * scale),
      color: pdfColor(edge.color),
    });
  }
  for (const node of drawing.nodes) {
    page.drawCircle({ ...at(node.x, node.y), size: Math.max(0.8, node.radius * scale), color: pdfColor(node.color) });
  }
  const labelSize = Math.max(5, drawing.labelSize * scale);
  for (const node of drawing.nodes) {
    if (!node.label) continue;
    const p = at(node.x + node.radius + 3, node.y);
    page.drawText(flat(node.label), { x: p.x, y: p.y - labelSize / 3, size: labelSize, font, color: INK });
  }
  page.pushOperators(popGraphicsState());
  return h;
}

/** Writes the legend as swatches and names in rows under the network. */
function drawLegend(flow: Flow, legend: LegendEntry[]): void {
  if (!legend.length) return;
  flow.need(30);
  flow.y -= 6;
  flow.page.drawText("Legend", { x: MARGIN, y: flow.y - 10, size: 9, font: flow.font, color: MUTED });
  let x = MARGIN + 44;
  let rowY = flow.y - 10;
  for (const entry of legend) {
    const text = `${entry.label} (${entry.count})`;
    const width = flow.font.widthOfTextAtSize(text, 9) + 22;
    if (x + width > MARGIN + flow.width) {
      x = MARGIN + 44;
      rowY -= 14;
    }
    flow.page.drawCircle({ x: x + 5, y: rowY + 3, size: 4, color: pdfColor(entry.color) });
    flow.page.drawText(text, { x: x + 13, y: rowY, size: 9, font: flow.font, color: INK });
    x += width;
  }
  flow.y = rowY - 8;
}

/** The actors' table: name, type and roles, with a rule between rows; rows that do not fit go to the next page. */
function drawActors(flow: Flow, actors: DossierActor[], moreActors: number): void {
  flow.heading(`Actors shown (${actors.length + moreActors})`);
  const columns = [0, flow.width * 0.3, flow.width * 0.46];
  const widths = [columns[1]! - 6, columns[2]! - columns[1]! - 6, flow.width - columns[2]!];
  const size = 8.5;
  const leading = size * 1.3;
  const header = () => {
    flow.need(leading + 4);
    flow.y -= leading;
    ["Actor", "Type", "Roles"].forEach((label, i) =>
      flow.page.drawText(label, { x: MARGIN + columns[i]!, y: flow.y + 2, size, font: flow.font, color: MUTED }),
    );
    flow.y -= 3;
  };
  header();
  for (const actor of actors) {
    const cells = [actor.name, actor.type, actor.roles.length ? actor.roles.join("; ") : "—"].map((text, i) =>
      wrapText(text, flow.font, size, widths[i]!),
    );
    const rows = Math.max(...cells.map((c) => c.length));
    const height = rows * leading + 4;
    if (flow.y - height < MARGIN + 14) {
      flow.newPage();
      header();
    }
    flow.page.drawLine({
      start: { x: MARGIN, y: flow.y },
      end: { x: MARGIN + flow.width, y: flow.y },
      thickness: 0.4,
      color: RULE,
    });
    cells.forEach((lines, i) =>
      lines.forEach((line, row) =>
        flow.page.drawText(line, {
          x: MARGIN + columns[i]!,
          y: flow.y - leading * (row + 1) + 2,
          size,
          font: flow.font,
          color: INK,
        }),
      ),
    );
    flow.y -= height;
  }
  if (moreActors > 0) flow.text(`and ${moreActors} more actors, not listed`, { color: MUTED, size: 8.5 });
}

/** Numbered footnotes: the quote, its source and date, and the link it is evidence of. */
function drawFootnotes(flow: Flow, footnotes: DossierFootnote[], moreFootnotes: number): void {
  flow.heading(`Sources: cited quotes (${footnotes.length + moreFootnotes})`);
  if (!footnotes.length) flow.text("No quotes are cited for the links shown.", { color: MUTED });
  footnotes.forEach((note, i) => {
    const number = `${i + 1}.`;
    flow.need(30);
    const top = flow.y;
    flow.text(`“${flat(note.quote)}”`, { x: MARGIN + 22, size: 9 });
    flow.page.drawText(number, { x: MARGIN, y: top - 9 * 1.3 + 9 * 0.25, size: 9, font: flow.font, color: MUTED });
    const source = [note.source, note.published ? `published ${note.published}` : null, note.url]
      .filter(Boolean)
      .join(" · ");
    flow.text(`${source}. Evidence of: ${note.about}`, { x: MARGIN + 22, size: 8, color: MUTED, gap: 4 });
  });
  if (moreFootnotes > 0)
    flow.text(`and ${moreFootnotes} more cited quotes, not printed (open the links in Parley to read them)`, {
      color: MUTED,
      size: 8.5,
    });
}

/** The dossier as PDF bytes on the paper chosen, its text in the font given (TrueType or OpenType bytes). */
export async function buildDossierPdf(
  content: DossierContent,
  paper: PaperOptions,
  fontBytes: Uint8Array | ArrayBuffer,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(content.title);
  doc.setCreator("Parley");
  doc.setProducer("Parley (pdf-lib)");
  const font = await doc.embedFont(fontBytes, { subset: true });
  const [short, long] = paper.size === "a4" ? PageSizes.A4 : PageSizes.Letter;
  const size: [number, number] = paper.orientation === "portrait" ? [short, long] : [long, short];
  const flow = new Flow(doc, font, size);

  flow.text(content.title, { size: 18, gap: 2 });
  for (const line of content.scope) flow.text(line, { size: 9, color: MUTED });
  flow.y -= 8;
  // The network takes what is left of the first page above room for the legend (at most two thirds of it).
  const room = Math.min(flow.y - MARGIN - 60, (size[1] - 2 * MARGIN) * 0.66);
  const drawn = drawNetwork(flow.page, font, content.drawing, {
    left: MARGIN,
    top: flow.y,
    width: flow.width,
    height: room,
  });
  flow.y -= drawn;
  drawLegend(flow, content.legend);
  drawActors(flow, content.actors, content.moreActors);
  drawFootnotes(flow, content.footnotes, content.moreFootnotes);

  flow.pages.forEach((page, i) => {
    const footer = `${content.title} · Parley dossier · page ${i + 1} of ${flow.pages.length}`;
    page.drawText(footer, { x: MARGIN, y: MARGIN / 2, size: 7.5, font, color: MUTED });
  });
  return doc.save();
}

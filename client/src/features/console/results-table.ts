/**
 * Results table
 * =============
 *
 * Renders a console result as a table sortable by any column (click a header; again to reverse) and writes it as
 * CSV. Graph elements show as readable text: a node by its name, a relationship by its type and ends, a path as
 * its chain of node keys.
 */
import type { CellValue, QueryResultDto } from "../../../../contracts/query";
import { h } from "../../ui/dom";

/** A cell as text, for the table and the CSV. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map(cellText).join(", ")}]`;
  const tagged = value as { "@type"?: string } & Record<string, unknown>;
  if (tagged["@type"] === "node") {
    const props = tagged.properties as Record<string, unknown>;
    const name =
      typeof props.name === "string" ? props.name : typeof props.title === "string" ? props.title : String(tagged.key);
    return `(${(tagged.labels as string[]).filter((l) => l !== "Entity").join(":")} ${name})`;
  }
  if (tagged["@type"] === "relationship")
    return `(${String(tagged.source)})-[:${String(tagged.type)}]->(${String(tagged.target)})`;
  if (tagged["@type"] === "path") return (tagged.nodes as string[]).join(" → ");
  return JSON.stringify(value);
}

/** Compares two cells: numbers numerically, everything else by text, empty cells last. */
export function compareCells(a: CellValue, b: CellValue): number {
  if (a === null || a === "") return b === null || b === "" ? 0 : 1;
  if (b === null || b === "") return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return cellText(a).localeCompare(cellText(b), undefined, { numeric: true });
}

/** The table as CSV (RFC 4180 quoting), with a header row. */
export function toCsv(result: Pick<QueryResultDto, "columns" | "rows">): string {
  const quote = (s: string) => (/[",\r\n]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [result.columns.map(quote).join(",")];
  for (const row of result.rows) lines.push(row.map((c) => quote(cellText(c))).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

/** Renders the result into `container`, replacing what was there. */
export function renderTable(container: HTMLElement, result: QueryResultDto): void {
  let sortColumn = -1;
  let descending = false;
  const draw = () => {
    const rows = [...result.rows];
    if (sortColumn >= 0)
      rows.sort((a, b) => (descending ? -1 : 1) * compareCells(a[sortColumn] ?? null, b[sortColumn] ?? null));
    const header = h(
      "tr",
      {},
      ...result.columns.map((column, i) =>
        h(
          "th",
          {
            scope: "col",
            "data-testid": `console-sort-${column}`,
            "aria-sort": sortColumn === i ? (descending ? "descending" : "ascending") : "none",
            onclick: () => {
              descending = sortColumn === i ? !descending : false;
              sortColumn = i;
              draw();
            },
          },
          h("button", {
            type: "button",
            class: "console-sort",
            text: `${column}${sortColumn === i ? (descending ? " ▼" : " ▲") : ""}`,
          }),
        ),
      ),
    );
    const body = rows.map((row) =>
      h("tr", {}, ...row.map((cell) => h("td", { text: cellText(cell), title: cellText(cell) }))),
    );
    container.replaceChildren(
      h(
        "table",
        { class: "console-table", "data-testid": "console-table" },
        h("thead", {}, header),
        h("tbody", {}, ...body),
      ),
    );
  };
  draw();
}

/** Offers the table as a CSV file download. */
export function downloadCsv(result: QueryResultDto, filename = "parley-query.csv"): void {
  const url = URL.createObjectURL(new Blob([toCsv(result)], { type: "text/csv;charset=utf-8" }));
  const a = h("a", { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

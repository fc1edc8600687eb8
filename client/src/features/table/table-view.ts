/**
 * Table view
 * ==========
 *
 * A twin of the graph on screen as two tables, actors and links, for screen readers and for anyone who would rather
 * read than look: the same nodes and edges the canvas draws (so the same view, filters, time window and
 * expansions), sortable by every column (`aria-sort` on the sorted header), each actor's name a button that selects
 * it and opens its details. "Table view" in the stage opens it over the canvas, which goes inert meanwhile.
 */
import type { ExplorerGraph } from "../../graph/attributes";
import { meetingCount, nodeName, plural, typeName } from "../../graph/describe";
import type { Store } from "../../graph/store";
import { formatDate, h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";
import "./table-view.css";

// ---------------------------------------------------------------------------------------------------------------
// Rows and columns
// ---------------------------------------------------------------------------------------------------------------

/** Rows drawn per table at most: a screen reader cannot use ten thousand rows, and building them would stall. */
export const TABLE_ROW_LIMIT = 500;

type Cell = string | number | null;

export interface Column<Row> {
  key: string;
  label: string;
  value(row: Row): Cell;
  /** How the cell reads; the value itself when absent. */
  text?(row: Row): string;
  numeric?: boolean;
}

interface ActorRow {
  id: string;
  name: string;
  type: string;
  meetings: number | null;
  links: number;
}

interface LinkRow {
  key: string;
  from: string;
  fromId: string;
  to: string;
  toId: string;
  kind: string;
  meetings: number | null;
  first: string | null;
  last: string | null;
}

const ACTOR_COLUMNS: Column<ActorRow>[] = [
  { key: "name", label: "Name", value: (r) => r.name },
  { key: "type", label: "Type", value: (r) => r.type },
  { key: "meetings", label: "Meetings", value: (r) => r.meetings, numeric: true },
  { key: "links", label: "Links on screen", value: (r) => r.links, numeric: true },
];

const LINK_COLUMNS: Column<LinkRow>[] = [
  { key: "from", label: "From", value: (r) => r.from },
  { key: "to", label: "To", value: (r) => r.to },
  { key: "kind", label: "Link", value: (r) => r.kind },
  { key: "meetings", label: "Meetings", value: (r) => r.meetings, numeric: true },
  { key: "first", label: "First", value: (r) => r.first, text: (r) => (r.first ? formatDate(r.first) : "—") },
  { key: "last", label: "Last", value: (r) => r.last, text: (r) => (r.last ? formatDate(r.last) : "—") },
];

/** The actors of the graph on screen, one row per node. */
export function actorRows(graph: ExplorerGraph): ActorRow[] {
  return graph.mapNodes((id, a) => ({
    id,
    name: nodeName(graph, id),
    type: typeName(a.category),
    meetings: meetingCount(graph, id),
    links: graph.degree(id),
  }));
}

/** The links of the graph on screen, one row per edge. */
export function linkRows(graph: ExplorerGraph): LinkRow[] {
  return graph.mapEdges((key, a, source, target) => {
    const extra = a as { count?: unknown; first?: unknown; last?: unknown };
    const count = typeof extra.count === "number" ? extra.count : a.kind === "met" ? (a.weight ?? null) : null;
    return {
      key,
      from: nodeName(graph, source),
      fromId: source,
      to: nodeName(graph, target),
      toId: target,
      kind: String(a.kind ?? "link").replace(/_/g, " "),
      meetings: count,
      first: typeof extra.first === "string" ? extra.first : null,
      last: typeof extra.last === "string" ? extra.last : null,
    };
  });
}

export interface SortOrder {
  key: string;
  descending: boolean;
}

/** Rows sorted by one column; empty cells last either way, ties by the first column (stable for a screen reader). */
export function sortRows<Row>(rows: Row[], columns: Column<Row>[], order: SortOrder): Row[] {
  const column = columns.find((c) => c.key === order.key) ?? columns[0]!;
  const first = columns[0]!;
  const compare = (a: Cell, b: Cell): number =>
    typeof a === "number" && typeof b === "number" ? a - b : String(a).localeCompare(String(b));
  return [...rows].sort((x, y) => {
    const a = column.value(x);
    const b = column.value(y);
    if ((a === null) !== (b === null)) return a === null ? 1 : -1;
    const primary = a === null || b === null ? 0 : compare(a, b) * (order.descending ? -1 : 1);
    return primary || compare(first.value(x), first.value(y));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Panel
// ---------------------------------------------------------------------------------------------------------------

/** Mounts the table view in `container` (the stage's `#table-view`), opened and closed by `toggle`. */
export function mountTableView(
  container: HTMLElement,
  deps: { graph: ExplorerGraph; store: Store; toggle: HTMLButtonElement; canvas: HTMLElement },
): Panel {
  const { graph, store, toggle, canvas } = deps;
  const orders: { actors: SortOrder; links: SortOrder } = {
    actors: { key: "links", descending: true },
    links: { key: "meetings", descending: true },
  };
  let open = false;

  function table<Row>(
    id: "actors" | "links",
    caption: string,
    columns: Column<Row>[],
    rows: Row[],
    cell: (row: Row, column: Column<Row>) => Node | string,
  ): HTMLElement {
    const order = orders[id];
    const sorted = sortRows(rows, columns, order).slice(0, TABLE_ROW_LIMIT);
    const head = h(
      "tr",
      {},
      ...columns.map((column) => {
        const sortedHere = column.key === order.key;
        return h(
          "th",
          {
            scope: "col",
            class: column.numeric ? "numeric" : null,
            "aria-sort": sortedHere ? (order.descending ? "descending" : "ascending") : null,
          },
          h(
            "button",
            {
              type: "button",
              class: "table-sort",
              "data-testid": `table-sort-${id}-${column.key}`,
              onclick: () => {
                // Numbers read best largest first; names from A.
                orders[id] = sortedHere
                  ? { key: column.key, descending: !order.descending }
                  : { key: column.key, descending: Boolean(column.numeric) };
                render();
                container.querySelector<HTMLElement>(`[data-testid=table-sort-${id}-${column.key}]`)?.focus();
              },
            },
            column.label,
            h("span", {
              class: "sort-mark",
              "aria-hidden": "true",
              text: sortedHere ? (order.descending ? " ▼" : " ▲") : "",
            }),
          ),
        );
      }),
    );
    const more = rows.length > sorted.length ? ` (the first ${sorted.length} shown)` : "";
    return h(
      "table",
      { class: "twin-table", "data-testid": `table-${id}` },
      h("caption", { text: `${caption}${more}` }),
      h("thead", {}, head),
      h(
        "tbody",
        {},
        ...sorted.map((row) =>
          h(
            "tr",
            {},
            ...columns.map((column) => h("td", { class: column.numeric ? "numeric" : null }, cell(row, column))),
          ),
        ),
      ),
    );
  }

  const select = (id: string, label: string) =>
    h("button", {
      type: "button",
      class: "link",
      "data-node": id,
      "aria-current": store.state.selectedNode === id ? "true" : null,
      text: label,
      onclick: () => store.selectNode(id),
    });
  const plain = <Row>(row: Row, column: Column<Row>) => {
    if (column.text) return column.text(row);
    const value = column.value(row);
    return value === null ? "—" : String(value);
  };

  function render(): void {
    if (!open) return;
    const actors = actorRows(graph);
    const links = linkRows(graph);
    container.replaceChildren(
      h("h2", { class: "visually-hidden", text: "Table view" }),
      table("actors", `${plural(actors.length, "actor")} on screen`, ACTOR_COLUMNS, actors, (row, column) =>
        column.key === "name" ? select(row.id, row.name) : plain(row, column),
      ),
      table("links", `${plural(links.length, "link")} on screen`, LINK_COLUMNS, links, (row, column) =>
        column.key === "from"
          ? select(row.fromId, row.from)
          : column.key === "to"
            ? select(row.toId, row.to)
            : plain(row, column),
      ),
    );
  }

  function setOpen(value: boolean): void {
    open = value;
    container.hidden = !open;
    toggle.setAttribute("aria-pressed", String(open));
    // The canvas under the table is neither seen nor reachable meanwhile.
    canvas.inert = open;
    if (open) render();
    else container.replaceChildren();
  }

  const onToggle = () => setOpen(!open);
  toggle.addEventListener("click", onToggle);
  const unsubscribe = store.subscribe((state, previous) => {
    if (open && state.selectedNode !== previous.selectedNode) {
      for (const button of container.querySelectorAll<HTMLElement>("[data-node]")) {
        if (button.dataset.node === state.selectedNode) button.setAttribute("aria-current", "true");
        else button.removeAttribute("aria-current");
      }
    }
  });
  setOpen(false);
  return {
    update: render,
    destroy: () => {
      toggle.removeEventListener("click", onToggle);
      unsubscribe();
      setOpen(false);
    },
  };
}

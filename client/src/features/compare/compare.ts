/**
 * Compare two periods
 * ===================
 *
 * Two periods (A, B) side by side in one network: the ties only in B are new, those only in A ended, those in both
 * kept (`GET /api/diff`). The panel picks the periods, says how each style reads, and lists the biggest changes:
 * new and ended ties, and kept ties whose meetings grew or shrank the most. Clicking a change selects its tie.
 */
import type { DiffChange } from "../../../../contracts/graph";
import { partialDateSchema } from "../../../../contracts/import-format";
import type { ExplorerGraph } from "../../graph/attributes";
import type { Period, Store } from "../../graph/store";
import { CHANGE_STYLES } from "../../graph/style";
import { formatDate, h } from "../../ui/dom";
import "./compare.css";
import type { Panel } from "../../ui/panel";

/** Changes listed: the biggest first. */
const LISTED = 8;

interface ChangeRow {
  edge: string;
  label: string;
  change: DiffChange;
  countA: number;
  countB: number;
}

/** Ties ordered by how much they changed: new and ended by their meetings, kept ones by the difference. */
export function biggestChanges(graph: ExplorerGraph, limit = LISTED): ChangeRow[] {
  const rows: ChangeRow[] = [];
  graph.forEachEdge((edge, a, s, t) => {
    const change = a.change as DiffChange | undefined;
    if (!change) return;
    const countA = Number(a.countA ?? 0);
    const countB = Number(a.countB ?? 0);
    if (change === "kept" && countA === countB) return;
    const name = (n: string) => String(graph.getNodeAttribute(n, "label") ?? n);
    rows.push({ edge, label: `${name(s)} – ${name(t)}`, change, countA, countB });
  });
  return rows
    .sort((x, y) => Math.abs(y.countB - y.countA) - Math.abs(x.countB - x.countA) || (x.label < y.label ? -1 : 1))
    .slice(0, limit);
}

function describe(row: ChangeRow): string {
  const meetings = (n: number) => `${n} meeting${n === 1 ? "" : "s"}`;
  if (row.change === "added") return `new: ${meetings(row.countB)} in B`;
  if (row.change === "removed") return `ended: ${meetings(row.countA)} in A, none in B`;
  const delta = row.countB - row.countA;
  return `${delta > 0 ? "grew" : "shrank"} from ${row.countA} to ${row.countB}`;
}

const periodText = (p: Period) => `${formatDate(p.from)} – ${formatDate(p.to)}`;

/** Mounts the panel: a form while not comparing; while comparing, the periods, the legend and the changes. */
export function mountComparePanel(container: HTMLElement, deps: { graph: ExplorerGraph; store: Store }): Panel {
  const { graph, store } = deps;
  const input = (name: string, label: string, value: string) =>
    h("input", {
      type: "text",
      name,
      "aria-label": label,
      "data-testid": `compare-${name}`,
      placeholder: name.endsWith("from") ? "from (2017 or 2017-01)" : "to",
      value,
      size: 10,
    });

  function renderForm(): void {
    const time = store.state.time;
    const fields = {
      aFrom: input("a-from", "Period A from", time.from ?? ""),
      aTo: input("a-to", "Period A to", time.to ?? ""),
      bFrom: input("b-from", "Period B from", ""),
      bTo: input("b-to", "Period B to", ""),
    };
    const error = h("p", { class: "small error-text", role: "alert" });
    const submit = (e: Event) => {
      e.preventDefault();
      const [aFrom, aTo, bFrom, bTo] = Object.values(fields).map((f) => f.value.trim());
      const ok = [aFrom, aTo, bFrom, bTo].every((v) => partialDateSchema.safeParse(v).success);
      if (!ok) {
        error.textContent = "Give both ends of both periods as a year (2017), a month (2017-01) or a day (2017-01-31).";
        return;
      }
      if (aFrom! > aTo! || bFrom! > bTo!) {
        error.textContent = "A period must not end before it starts.";
        return;
      }
      store.setCompare({ a: { from: aFrom!, to: aTo! }, b: { from: bFrom!, to: bTo! } });
    };
    container.replaceChildren(
      h("h2", { text: "Compare two periods" }),
      h(
        "form",
        { class: "compare-form", "data-testid": "compare-form", onsubmit: submit },
        h("div", { class: "compare-row" }, h("span", { class: "compare-tag", text: "A" }), fields.aFrom, fields.aTo),
        h("div", { class: "compare-row" }, h("span", { class: "compare-tag", text: "B" }), fields.bFrom, fields.bTo),
        h("button", { type: "submit", class: "button primary", "data-testid": "compare-run", text: "Compare" }),
      ),
      error,
      h("p", {
        class: "small muted",
        text: "Shows which ties are new in B, which ended after A, and which both share.",
      }),
    );
  }

  function renderComparison(): void {
    const compare = store.state.compare!;
    const counts = { added: 0, removed: 0, kept: 0 };
    graph.forEachEdge((_e, a) => {
      const change = a.change as DiffChange | undefined;
      if (change) counts[change]++;
    });
    const legend = (Object.keys(CHANGE_STYLES) as DiffChange[]).map((change) => {
      const swatch = h("span", { class: `compare-swatch compare-${change}` });
      swatch.style.setProperty("--swatch", CHANGE_STYLES[change].color);
      return h(
        "div",
        { class: "legend-item", "data-change": change },
        swatch,
        CHANGE_STYLES[change].label,
        h("span", { class: "count", text: counts[change] }),
      );
    });
    const changes = biggestChanges(graph);
    container.replaceChildren(
      h("h2", { text: "Compare two periods" }),
      h("p", { class: "small" }, h("strong", { text: "A " }), periodText(compare.a)),
      h("p", { class: "small" }, h("strong", { text: "B " }), periodText(compare.b)),
      h("div", { class: "compare-legend", "data-testid": "compare-legend" }, ...legend),
      h("h3", { text: "Biggest changes" }),
      changes.length
        ? h(
            "ol",
            { class: "compare-changes", "data-testid": "compare-changes" },
            ...changes.map((row) =>
              h(
                "li",
                {},
                h("button", {
                  type: "button",
                  class: "link",
                  "data-change": row.change,
                  text: row.label,
                  onclick: () => store.selectEdge(row.edge),
                }),
                h("span", { class: "small muted", text: ` ${describe(row)}` }),
              ),
            ),
          )
        : h("p", { class: "small muted", text: "No tie changed between the two periods." }),
      h("button", {
        type: "button",
        "data-testid": "compare-stop",
        text: "Stop comparing",
        onclick: () => store.setCompare(null),
      }),
    );
  }

  const update = () => (store.state.compare ? renderComparison() : renderForm());
  return { update, destroy: () => container.replaceChildren() };
}

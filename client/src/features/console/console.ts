/**
 * Cypher console panel
 * ====================
 *
 * A self-contained panel: a CodeMirror 6 editor with Cypher highlighting and completion from the live schema,
 * Ctrl+Enter to run, a JSON parameters editor, the server's rejection or error under the editor, results as a
 * sortable table with CSV download, a history kept in this browser, and the saved questions as plain-language
 * questions with a form. Whoever mounts it decides what to do with a result's graph (`onResult`).
 */
import "./console.css";
import { closeBrackets, closeBracketsKeymap, closeCompletion, completionKeymap } from "@codemirror/autocomplete";
import { defaultKeymap, history as editHistory, historyKeymap } from "@codemirror/commands";
import { bracketMatching } from "@codemirror/language";
import { EditorSelection, EditorState, Prec } from "@codemirror/state";
import { EditorView, drawSelection, highlightActiveLine, keymap, lineNumbers, placeholder } from "@codemirror/view";
import type { QueryResultDto, SavedParamDto, SavedQuestionDto } from "../../../../contracts/query";
import { ApiError } from "../../api/client";
import { fetchSchema, listSaved, queryErrorPosition, runQuery, runSaved } from "./console-api";
import { type SchemaRef, cypherSupport } from "./cypher-language";
import { h } from "../../ui/dom";
import { type HistoryEntry, clearHistory, pushHistory, readHistory } from "./query-history";
import { downloadCsv, renderTable } from "./results-table";

/** Options of `mountConsole`. */
export interface ConsoleOptions {
  /** Called with every successful result (draw `result.graph` in the explorer, replace or add). */
  onResult(result: QueryResultDto): void;
  /** The query shown at first; the last one from history otherwise. */
  initialQuery?: string;
}

/** What `mountConsole` returns, to drive the panel from outside (tests, URL state). */
export interface ConsoleHandle {
  /** Runs the editor's query, as Ctrl+Enter does. */
  run(): Promise<void>;
  /** Replaces the editor's text (and optionally the parameters). */
  setQuery(query: string, params?: Record<string, unknown>): void;
  /** Removes the panel and its listeners. */
  destroy(): void;
}

const DEFAULT_QUERY = "MATCH (a:Person)-[m:MET]-(b)\nRETURN a, m, b\nLIMIT 25";

/** Renders the console into `container` and returns a handle. */
export function mountConsole(container: HTMLElement, options: ConsoleOptions): ConsoleHandle {
  const schema: SchemaRef = { current: { labels: [], relationshipTypes: [], propertyKeys: [] } };
  const aborts = new AbortController();
  let lastResult: QueryResultDto | null = null;
  let running: AbortController | null = null;
  let entries: HistoryEntry[] = readHistory();

  // ---------------------------------------------------------------------------------------------------------
  // Elements
  // ---------------------------------------------------------------------------------------------------------
  const editorHost = h("div", { class: "console-editor", "data-testid": "console-editor" });
  const params = h("textarea", {
    class: "console-params",
    id: "console-params",
    "data-testid": "console-params",
    rows: 2,
    spellcheck: "false",
    "aria-label": "Query parameters as JSON",
    placeholder: '{"actor": "hassan-rouhani"}',
  });
  params.value = "{}";
  const runButton = h("button", {
    type: "button",
    class: "console-run",
    "data-testid": "console-run",
    title: "Run (Ctrl+Enter)",
    text: "Run",
  });
  const historySelect = h("select", {
    class: "console-history",
    "data-testid": "console-history",
    "aria-label": "Query history",
  });
  const clearButton = h("button", {
    type: "button",
    class: "console-clear-history",
    "data-testid": "console-clear-history",
    text: "Clear history",
  });
  const error = h("div", { class: "console-error", "data-testid": "console-error", role: "alert", hidden: true });
  const status = h("div", { class: "console-status", "data-testid": "console-status", "aria-live": "polite" });
  const notes = h("ul", { class: "console-notifications", "data-testid": "console-notifications" });
  const csvButton = h("button", {
    type: "button",
    class: "console-csv",
    "data-testid": "console-csv",
    text: "Download CSV",
    disabled: true,
  });
  const results = h("div", { class: "console-results", "data-testid": "console-results" });
  const savedList = h("ul", { class: "console-saved-list", "data-testid": "console-saved-list" });
  const savedForm = h("form", { class: "console-saved-form", "data-testid": "console-saved-form", hidden: true });

  const root = h(
    "section",
    { class: "parley-console", "data-testid": "console", "aria-label": "Cypher console" },
    h("details", { class: "console-saved", open: true }, h("summary", { text: "Questions" }), savedList, savedForm),
    // The editor's content is labelled "Cypher query" itself: a <label> cannot point into CodeMirror.
    h("span", { class: "console-label", text: "Cypher (read-only)" }),
    editorHost,
    h("label", { class: "console-label", for: "console-params", text: "Parameters (JSON)" }),
    params,
    h("div", { class: "console-actions" }, runButton, historySelect, clearButton),
    error,
    h("div", { class: "console-meta" }, status, csvButton),
    notes,
    results,
  );
  container.append(root);

  // ---------------------------------------------------------------------------------------------------------
  // Editor
  // ---------------------------------------------------------------------------------------------------------
  const runKeys = Prec.highest(
    keymap.of([
      { key: "Ctrl-Enter", run: () => (void run(), true) },
      { key: "Mod-Enter", run: () => (void run(), true) },
    ]),
  );
  const view = new EditorView({
    parent: editorHost,
    state: EditorState.create({
      doc: options.initialQuery ?? entries[0]?.query ?? DEFAULT_QUERY,
      extensions: [
        runKeys,
        lineNumbers(),
        editHistory(),
        drawSelection(),
        highlightActiveLine(),
        bracketMatching(),
        closeBrackets(),
        cypherSupport(schema),
        placeholder("MATCH (n:Person) RETURN n LIMIT 10"),
        EditorView.lineWrapping,
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...completionKeymap]),
        EditorView.contentAttributes.of({ "aria-label": "Cypher query", "data-testid": "console-input" }),
      ],
    }),
  });

  // ---------------------------------------------------------------------------------------------------------
  // Actions
  // ---------------------------------------------------------------------------------------------------------
  function showError(message: string | null): void {
    error.hidden = message === null;
    error.textContent = message ?? "";
  }

  function parseParams(): Record<string, unknown> | null {
    const text = params.value.trim() || "{}";
    try {
      const value = JSON.parse(text) as unknown;
      if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error("not an object");
      return value as Record<string, unknown>;
    } catch {
      showError('Parameters must be a JSON object, e.g. {"actor": "hassan-rouhani"}.');
      return null;
    }
  }

  async function execute(work: (signal: AbortSignal) => Promise<QueryResultDto>): Promise<void> {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    showError(null);
    status.textContent = "Running…";
    root.setAttribute("aria-busy", "true");
    runButton.disabled = true;
    try {
      const result = await work(controller.signal);
      if (controller.signal.aborted) return;
      lastResult = result;
      renderResult(result);
      options.onResult(result);
    } catch (err) {
      if (controller.signal.aborted) return;
      status.textContent = "";
      clearResult();
      if (err instanceof ApiError) {
        showError(`${err.code}: ${err.message}`);
        const position = queryErrorPosition(err);
        if (position) moveCursorTo(position.line, position.column);
      } else {
        showError("The query could not be run.");
      }
    } finally {
      if (running === controller) {
        running = null;
        runButton.disabled = false;
        root.removeAttribute("aria-busy");
      }
    }
  }

  async function run(): Promise<void> {
    // Ctrl+Enter or the Run button while completions are offered: the popup would stay over the results.
    closeCompletion(view);
    const query = view.state.doc.toString().trim();
    if (!query) return showError("Write a Cypher query first, e.g. MATCH (n:Person) RETURN n LIMIT 10.");
    const values = parseParams();
    if (!values) return;
    entries = pushHistory(query, params.value.trim() || "{}");
    renderHistory();
    await execute((signal) => runQuery(query, values, signal));
  }

  function renderResult(result: QueryResultDto): void {
    // Links among the drawn entities that the query did not return are drawn too, and counted apart.
    const among = result.graph.edges.filter((e) => e.attributes.among === true).length;
    const returned = result.graph.edges.length - among;
    const graph = `${result.graph.nodes.length} nodes, ${returned} relationships${among ? ` (+ ${among} links among them, drawn)` : ""}`;
    status.textContent = `${result.rows.length} row${result.rows.length === 1 ? "" : "s"}${result.truncated ? " (cut at the row limit)" : ""} · ${graph} · ${Math.round(result.elapsedMs)} ms`;
    root.dataset.state = "done";
    notes.replaceChildren(
      ...result.notifications.map((n) =>
        h("li", { text: `${n.title}${n.position ? ` (line ${n.position.line}, column ${n.position.column})` : ""}` }),
      ),
    );
    csvButton.disabled = result.columns.length === 0;
    renderTable(results, result);
  }

  /** A failed query leaves no earlier result under its error, where it would read as this query's answer. */
  function clearResult(): void {
    lastResult = null;
    delete root.dataset.state;
    notes.replaceChildren();
    results.replaceChildren();
    csvButton.disabled = true;
  }

  function moveCursorTo(line: number, column: number): void {
    const doc = view.state.doc;
    if (line < 1 || line > doc.lines) return;
    const info = doc.line(line);
    view.dispatch({
      selection: EditorSelection.cursor(Math.min(info.to, info.from + column - 1)),
      scrollIntoView: true,
    });
  }

  function setQuery(query: string, values?: Record<string, unknown>): void {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: query } });
    if (values) params.value = JSON.stringify(values, null, 0);
  }

  function renderHistory(): void {
    historySelect.replaceChildren(
      h("option", { value: "", text: entries.length ? `History (${entries.length})` : "No history yet" }),
      ...entries.map((e, i) => h("option", { value: String(i), text: e.query.replace(/\s+/g, " ").slice(0, 80) })),
    );
  }

  // ---------------------------------------------------------------------------------------------------------
  // Saved questions
  // ---------------------------------------------------------------------------------------------------------
  function renderSaved(questions: SavedQuestionDto[]): void {
    savedList.replaceChildren(
      ...questions.map((q) =>
        h(
          "li",
          {},
          h("button", {
            type: "button",
            class: "console-saved-question",
            "data-testid": `console-saved-${q.name}`,
            title: q.description,
            text: q.title,
            onclick: () => openQuestion(q),
          }),
        ),
      ),
    );
  }

  function inputFor(p: SavedParamDto): HTMLInputElement {
    const id = `console-param-${p.name}`;
    if (p.type === "boolean") {
      const box = h("input", { type: "checkbox", id, name: p.name, "data-testid": id });
      box.checked = p.default === true;
      return box;
    }
    const type = p.type === "date" ? "date" : p.type === "integer" || p.type === "float" ? "number" : "text";
    const input = h("input", { type, id, name: p.name, "data-testid": id, step: p.type === "float" ? "any" : null });
    input.value = p.default === null ? "" : String(p.default);
    return input;
  }

  function openQuestion(q: SavedQuestionDto): void {
    const inputs = q.params.map((p) => ({ p, input: inputFor(p) }));
    const values = () =>
      Object.fromEntries(
        inputs.map(({ p, input }) => [
          p.name,
          p.type === "boolean"
            ? input.checked
            : p.type === "integer" || p.type === "float"
              ? input.value === ""
                ? null
                : Number(input.value)
              : input.value,
        ]),
      );
    savedForm.replaceChildren(
      h("h3", { text: q.title }),
      h("p", { class: "console-saved-description", text: q.description }),
      ...inputs.map(({ p, input }) =>
        h("label", { class: "console-saved-field", for: input.id }, h("span", { text: p.label }), input),
      ),
      h(
        "div",
        { class: "console-actions" },
        h("button", { type: "submit", "data-testid": "console-saved-run", text: "Ask" }),
        h("button", {
          type: "button",
          "data-testid": "console-saved-edit",
          text: "Open in editor",
          onclick: () => setQuery(q.query, values()),
        }),
      ),
    );
    savedForm.hidden = false;
    savedForm.onsubmit = (event) => {
      event.preventDefault();
      void execute((signal) => runSaved(q.name, values(), signal));
    };
  }

  // ---------------------------------------------------------------------------------------------------------
  // Bindings
  // ---------------------------------------------------------------------------------------------------------
  runButton.addEventListener("click", () => void run());
  csvButton.addEventListener("click", () => lastResult && downloadCsv(lastResult));
  historySelect.addEventListener("change", () => {
    const entry = entries[Number(historySelect.value)];
    if (historySelect.value !== "" && entry) {
      setQuery(entry.query);
      params.value = entry.params;
    }
    historySelect.value = "";
  });
  clearButton.addEventListener("click", () => {
    clearHistory();
    entries = [];
    renderHistory();
  });
  params.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void run();
    }
  });
  renderHistory();

  fetchSchema(aborts.signal)
    .then((s) => (schema.current = s))
    .catch(() => undefined); // Completion then offers keywords only.
  listSaved(aborts.signal)
    .then((list) => renderSaved(list.questions))
    .catch(() => savedList.replaceChildren(h("li", { text: "Saved questions are not available." })));

  return {
    run,
    setQuery,
    destroy() {
      aborts.abort();
      running?.abort();
      view.destroy();
      root.remove();
    },
  };
}

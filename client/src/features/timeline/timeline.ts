/**
 * Timeline panel
 * ==============
 *
 * A histogram of events per month with a range brush (drag across it, or type the months) that sets the time
 * window, and a play button that replays how the network grew month by month.
 */
import type { Store } from "../../graph/store";
import { windowLabel } from "../../graph/timeline";
import { h } from "../../ui/dom";
import type { Panel } from "../../ui/panel";

const SVG = "http://www.w3.org/2000/svg";

export interface TimelineView {
  bars: { month: string; count: number }[];
  undated: number;
  state: "loading" | "ready" | "error" | "empty";
  message?: string;
}

/** The timeline panel: a Panel that is also given its histogram (`setView`). */
export interface TimelinePanel extends Panel {
  /** Replaces the histogram data. */
  setView(view: TimelineView): void;
}

/**
 * Mounts the timeline: it redraws itself when the store's time window or playhead changes; the brush writes the
 * window, play drives the playhead.
 */
export function mountTimeline(container: HTMLElement, deps: { store: Store }): TimelinePanel {
  return new Timeline(container, deps.store);
}

/** Draws the timeline; the brush writes the store's time window, play drives the store's playhead. */
class Timeline implements TimelinePanel {
  private view: TimelineView = { bars: [], undated: 0, state: "loading" };
  private playTimer: ReturnType<typeof setInterval> | null = null;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly el: HTMLElement,
    private readonly store: Store,
  ) {
    this.unsubscribe = store.subscribe((state, previous) => {
      if (state.time !== previous.time || state.playhead !== previous.playhead) this.render();
    });
  }

  update(): void {
    this.render();
  }

  destroy(): void {
    this.unsubscribe();
    if (this.playTimer) clearInterval(this.playTimer);
    this.playTimer = null;
    this.el.replaceChildren();
  }

  /** Replaces the histogram data. */
  setView(view: TimelineView): void {
    this.view = view;
    this.render();
  }

  get playing(): boolean {
    return this.playTimer !== null;
  }

  /** Starts the replay from the window's start (or the first month), one month per tick. */
  play(): void {
    const months = this.monthsInWindow();
    if (!months.length) return;
    let i = 0;
    this.store.set({ playhead: months[0]! });
    this.playTimer = setInterval(
      () => {
        i++;
        if (i >= months.length) this.stop();
        else this.store.set({ playhead: months[i]! });
      },
      Math.max(40, Math.min(250, 6000 / months.length)),
    );
    this.render();
  }

  stop(): void {
    if (this.playTimer) clearInterval(this.playTimer);
    this.playTimer = null;
    this.store.set({ playhead: null });
    this.render();
  }

  private monthsInWindow(): string[] {
    const { from, to } = this.store.state.time;
    return this.view.bars
      .map((b) => b.month)
      .filter((m) => (!from || m >= from.slice(0, 7)) && (!to || m <= to.slice(0, 7)));
  }

  private render(): void {
    const { bars, state } = this.view;
    const { from, to } = this.store.state.time;
    const playhead = this.store.state.playhead;
    const head = h(
      "div",
      { class: "timeline-head" },
      h(
        "button",
        {
          type: "button",
          class: "icon-button",
          "data-testid": "timeline-play",
          "aria-label": this.playing ? "Stop the replay" : "Replay how the network grew",
          title: this.playing ? "Stop" : "Replay how the network grew",
          disabled: !bars.length,
          onclick: () => (this.playing ? this.stop() : this.play()),
        },
        this.playing ? "■" : "▶",
      ),
      h("strong", { class: "timeline-title", text: "Events over time" }),
      h("span", {
        class: "muted small",
        "data-testid": "timeline-window",
        text: playhead ? `Replaying: ${playhead}` : windowLabel(from, to),
      }),
      this.monthInputs(bars),
      from || to
        ? h(
            "button",
            {
              type: "button",
              class: "link small",
              "data-testid": "timeline-reset",
              onclick: () => this.store.setTime({ from: null, to: null }),
            },
            "All time",
          )
        : null,
      this.view.undated ? h("span", { class: "muted small", text: `${this.view.undated} undated` }) : null,
    );
    if (state !== "ready" || !bars.length) {
      const text =
        state === "loading"
          ? "Loading the timeline…"
          : state === "error"
            ? (this.view.message ?? "The timeline could not be loaded.")
            : "No dated events in this selection.";
      this.el.replaceChildren(
        head,
        h("div", { class: `timeline-empty ${state === "error" ? "error-text" : "muted"}`, "data-state": state, text }),
      );
      this.el.dataset.state = state;
      return;
    }
    this.el.replaceChildren(head, this.histogram(bars, from, to, playhead));
    this.el.dataset.state = "ready";
  }

  private monthInputs(bars: { month: string }[]): HTMLElement {
    const min = bars[0]?.month;
    const max = bars.at(-1)?.month;
    const { from, to } = this.store.state.time;
    const input = (which: "from" | "to", value: string | null) =>
      h("input", {
        type: "month",
        class: "month",
        min,
        max,
        value: value ? value.slice(0, 7) : "",
        "aria-label": which === "from" ? "From month" : "To month",
        "data-testid": `timeline-${which}`,
        onchange: (e) => {
          const v = (e.currentTarget as HTMLInputElement).value || null;
          const next = { ...this.store.state.time, [which]: v };
          if (next.from && next.to && next.from > next.to) return;
          this.store.setTime(next);
        },
      });
    return h("span", { class: "month-inputs" }, input("from", from), "–", input("to", to));
  }

  private histogram(
    bars: { month: string; count: number }[],
    from: string | null,
    to: string | null,
    playhead: string | null,
  ): HTMLElement {
    const width = 1000;
    const height = 56;
    const max = Math.max(1, ...bars.map((b) => b.count));
    const bw = width / bars.length;
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height + 14}`);
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("class", "histogram");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `Events per month, ${bars[0]!.month} to ${bars.at(-1)!.month}`);
    const inWindow = (m: string) =>
      (!from || m >= from.slice(0, 7)) && (!to || m <= to.slice(0, 7)) && (!playhead || m <= playhead);
    bars.forEach((b, i) => {
      if (b.month.endsWith("-01")) {
        const tick = document.createElementNS(SVG, "text");
        tick.setAttribute("x", String(i * bw + 2));
        tick.setAttribute("y", String(height + 12));
        tick.setAttribute("class", "tick");
        tick.textContent = b.month.slice(0, 4);
        svg.append(tick);
        const line = document.createElementNS(SVG, "line");
        line.setAttribute("x1", String(i * bw));
        line.setAttribute("x2", String(i * bw));
        line.setAttribute("y1", "0");
        line.setAttribute("y2", String(height + 2));
        line.setAttribute("class", "gridline");
        svg.append(line);
      }
      if (!b.count) return;
      const rh = Math.max(3, (b.count / max) * (height - 4));
      const rect = document.createElementNS(SVG, "rect");
      rect.setAttribute("x", String(i * bw + bw * 0.1));
      rect.setAttribute("width", String(Math.max(1, bw * 0.8)));
      rect.setAttribute("y", String(height - rh));
      rect.setAttribute("height", String(rh));
      rect.setAttribute("class", inWindow(b.month) ? "bar" : "bar out");
      rect.setAttribute("data-month", b.month);
      const title = document.createElementNS(SVG, "title");
      title.textContent = `${b.month}: ${b.count} event${b.count === 1 ? "" : "s"}`;
      rect.append(title);
      svg.append(rect);
    });
    const brush = document.createElementNS(SVG, "rect");
    brush.setAttribute("class", "brush");
    brush.setAttribute("y", "0");
    brush.setAttribute("height", String(height));
    const showBrush = (a: number, b: number) => {
      brush.setAttribute("x", String(Math.min(a, b) * bw));
      brush.setAttribute("width", String((Math.abs(b - a) + 1) * bw));
      brush.style.display = "";
    };
    const fi = from ? bars.findIndex((b) => b.month >= from.slice(0, 7)) : 0;
    const ti = to ? bars.map((b) => b.month <= to.slice(0, 7)).lastIndexOf(true) : bars.length - 1;
    if ((from || to) && fi >= 0 && ti >= 0) showBrush(fi, ti);
    else brush.style.display = "none";
    svg.append(brush);

    // Brush: drag across the histogram to choose a window; a click without drag picks one month.
    const indexAt = (clientX: number) => {
      const box = svg.getBoundingClientRect();
      return Math.max(0, Math.min(bars.length - 1, Math.floor(((clientX - box.left) / box.width) * bars.length)));
    };
    let start: number | null = null;
    svg.addEventListener("pointerdown", (e) => {
      start = indexAt(e.clientX);
      svg.setPointerCapture(e.pointerId);
      showBrush(start, start);
    });
    svg.addEventListener("pointermove", (e) => {
      if (start !== null) showBrush(start, indexAt(e.clientX));
    });
    svg.addEventListener("pointerup", (e) => {
      if (start === null) return;
      const end = indexAt(e.clientX);
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      this.store.setTime({ from: bars[a]!.month, to: bars[b]!.month });
    });
    const wrap = h("div", { class: "histogram-wrap", "data-testid": "timeline-histogram" });
    wrap.append(svg);
    return wrap;
  }
}

/**
 * Graph keyboard and announcements
 * ================================
 *
 * Makes the graph one focusable element a keyboard and a screen reader can use (WCAG 2.2: operable without a
 * pointer, name and role, status messages): while it has focus, arrow keys walk from the selected node to its
 * neighbours in a stable order (graph/describe.ts), Enter selects the node walked to (its details panel opens) or,
 * on the selected node, moves focus into the panel, Escape steps back, + and − zoom, 0 fits. A polite live region
 * says where the reader is, and every selection, however made (search, click, a link in a panel), is announced.
 */
import type Sigma from "sigma";
import type { ExplorerGraph } from "../graph/attributes";
import { describeNode, describeStep, nodeName, overviewOrder, plural, walkOrder } from "../graph/describe";
import type { Store } from "../graph/store";
import { showNode, zoomStep } from "../sigma/renderer";

export interface GraphKeyboardDeps {
  graph: ExplorerGraph;
  store: Store;
  renderer(): Sigma | null;
  /** The polite live region the announcements are written to. */
  announcer: HTMLElement;
  /** Fits the whole network in the canvas. */
  fit(): void;
  /** Moves focus into the open details panel. */
  focusDetails(): void;
}

/** Writes `text` to the live region; the same words twice are still read (the region is emptied first). */
export function announce(region: HTMLElement, text: string): void {
  if (region.textContent === text) region.textContent = "";
  region.textContent = text;
}

/** Binds the keyboard walk and the announcements to the graph `element`; returns the function that unbinds them. */
export function bindGraphKeyboard(element: HTMLElement, deps: GraphKeyboardDeps): () => void {
  const { graph, store, announcer } = deps;
  /** The node the walk is on (lit up like a hovered node), not yet selected; null when on the selection itself. */
  let cursor: string | null = null;
  const say = (text: string) => announce(announcer, text);

  const moveCursor = (node: string | null) => {
    cursor = node;
    store.hover(node);
    const renderer = deps.renderer();
    if (node && renderer) showNode(renderer, node);
  };

  /** One arrow step: through the selected node's neighbours, or through every node when nothing is selected. */
  const step = (delta: 1 | -1) => {
    if (graph.order === 0) return say("The network is empty.");
    const selected = store.state.selectedNode;
    const anchored = selected !== null && graph.hasNode(selected);
    const order = anchored ? walkOrder(graph, selected) : overviewOrder(graph);
    if (!order.length) return say(`${nodeName(graph, selected!)} has no neighbours in this view.`);
    const at = cursor ? order.indexOf(cursor) : -1;
    const next = at < 0 ? (delta > 0 ? 0 : order.length - 1) : (at + delta + order.length) % order.length;
    const node = order[next]!;
    moveCursor(node);
    say(
      anchored
        ? describeStep(graph, node, next, order.length)
        : `node ${next + 1} of ${order.length}: ${describeNode(graph, node)}`,
    );
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const renderer = deps.renderer();
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
        step(1);
        break;
      case "ArrowLeft":
      case "ArrowUp":
        step(-1);
        break;
      case "Enter":
        if (cursor && cursor !== store.state.selectedNode && graph.hasNode(cursor)) {
          const node = cursor;
          moveCursor(null);
          // The selection's own announcement follows from the store (below).
          store.selectNode(node);
        } else if (store.state.selectedNode) deps.focusDetails();
        else return;
        break;
      case "Escape":
        if (!cursor) return; // the page's own Escape closes the selection
        moveCursor(null);
        say(
          store.state.selectedNode && graph.hasNode(store.state.selectedNode)
            ? `Back to ${nodeName(graph, store.state.selectedNode)}`
            : "Walk left",
        );
        event.stopPropagation();
        break;
      case "+":
      case "=":
        if (renderer) zoomStep(renderer, 1);
        break;
      case "-":
      case "_":
        if (renderer) zoomStep(renderer, -1);
        break;
      case "0":
        deps.fit();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const onFocus = () => {
    const selected = store.state.selectedNode;
    if (selected && graph.hasNode(selected)) {
      const neighbours = graph.neighbors(selected).length;
      say(`${describeNode(graph, selected)}, selected. Arrow keys walk its ${plural(neighbours, "neighbour")}.`);
    } else
      say(`Network of ${plural(graph.order, "node")} and ${plural(graph.size, "link")}. Arrow keys walk the nodes.`);
  };
  // Leaving the graph ends the walk: the lit-up node would otherwise stay lit under the pointer's hover.
  const onBlur = () => {
    if (cursor) moveCursor(null);
  };

  element.addEventListener("keydown", onKeyDown);
  element.addEventListener("focus", onFocus);
  element.addEventListener("blur", onBlur);
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.selectedNode === previous.selectedNode) return;
    if (cursor && cursor !== state.selectedNode) moveCursor(null);
    if (state.selectedNode && graph.hasNode(state.selectedNode)) say(describeNode(graph, state.selectedNode));
  });
  return () => {
    element.removeEventListener("keydown", onKeyDown);
    element.removeEventListener("focus", onFocus);
    element.removeEventListener("blur", onBlur);
    unsubscribe();
  };
}

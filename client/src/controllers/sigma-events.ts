/**
 * Sigma events controller
 * =======================
 *
 * Turns pointer events on the canvas into store actions (hover, select node or edge, clear) and keeps the
 * camera state in the store, so sigma handlers never touch panels directly.
 */
import type Sigma from "sigma";
import type { Store } from "../graph/store";

/**
 * Binds canvas events; `onExpand` runs on double-click of a node, `onCommunity` on a click on a community
 * meta-node of the level-of-detail overview (it has no details to show: opening it is the useful answer).
 */
export function bindSigmaEvents(
  renderer: Sigma,
  store: Store,
  onExpand: (node: string) => void,
  onCommunity?: (node: string) => void,
): void {
  const isCommunity = (node: string) => renderer.getGraph().getNodeAttribute(node, "category") === "community";
  renderer.on("enterNode", ({ node }) => {
    store.hover(node);
    renderer.getContainer().style.cursor = "pointer";
  });
  renderer.on("leaveNode", () => {
    store.hover(null);
    renderer.getContainer().style.cursor = "";
  });
  renderer.on("enterEdge", () => {
    renderer.getContainer().style.cursor = "pointer";
  });
  renderer.on("leaveEdge", () => {
    renderer.getContainer().style.cursor = "";
  });
  renderer.on("clickNode", ({ node }) => {
    if (onCommunity && isCommunity(node)) onCommunity(node);
    else store.selectNode(node);
  });
  renderer.on("clickEdge", ({ edge }) => store.selectEdge(edge));
  renderer.on("clickStage", () => {
    if (store.state.selectedNode || store.state.selectedEdge) store.selectNode(null);
  });
  renderer.on("doubleClickNode", (e) => {
    // Double-click expands instead of zooming.
    e.preventSigmaDefault();
    // The first click already opened a community.
    if (!isCommunity(e.node)) onExpand(e.node);
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  renderer.getCamera().on("updated", (camera) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => store.set({ camera: { x: camera.x, y: camera.y, ratio: camera.ratio } }), 250);
  });
}

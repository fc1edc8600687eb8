/**
 * Sharing and console wiring
 * ==========================
 *
 * Mounts the Cypher console drawer, Share, Export and Open file in the explorer's top bar, or, on `/s/:id` and
 * `/snapshots`, starts those pages instead of the live explorer. main.ts calls `bootExtensions` once.
 */
import { bindConsoleDrawer } from "../features/console/console-drawer";
import { h } from "../ui/dom";
import { bindExportMenu } from "../features/export/export-menu";
import { bindImportButton } from "../features/open-file/import-button";
import { bindShareDialog } from "../features/share/share-dialog";
import { isRecentRoute } from "../features/snapshots/recent";
import { snapshotRoute } from "../features/snapshots/snapshot-view";
import type { ExplorerHost } from "./explorer-host";
import { startRecentPage, startSnapshotPage } from "../features/snapshots/snapshot-mode";
import { setSource } from "./view-source";

export { isReadOnly } from "../features/snapshots/snapshot-mode";

/**
 * Starts the page this URL asks for. Returns true when it is a snapshot or list page, which main.ts must then not
 * load from the database (nor sync to the URL); false for the live explorer, which gets the extra controls.
 */
export function bootExtensions(host: ExplorerHost): boolean {
  const snapshot = snapshotRoute();
  if (snapshot) {
    void startSnapshotPage(host, snapshot);
    return true;
  }
  if (isRecentRoute()) {
    void startRecentPage(host);
    return true;
  }
  const slot = h("div", { class: "topbar-actions", "data-testid": "topbar-actions" });
  document.querySelector(".topbar")?.insertBefore(slot, document.getElementById("theme-toggle"));
  bindConsoleDrawer(host, slot);
  bindImportButton(host, slot);
  bindExportMenu(host, slot);
  bindShareDialog(host, slot);
  // A change of view, filters or time window reloads the database view in main.ts: the banner goes with it.
  host.store.subscribe((state, previous) => {
    if (state.view !== previous.view || state.filters !== previous.filters || state.time !== previous.time)
      setSource(host, { kind: "database" });
  });
  return false;
}

/**
 * Sharing and console wiring
 * ==========================
 *
 * Mounts the Cypher console drawer, Share, Export and Open file in the explorer's top bar, or, on `/s/:id` and
 * `/snapshots` and `/stories/:id`, starts those pages instead of the live explorer. The explorer calls `mountExtensions` once.
 */
import { mountConsoleDrawer } from "../features/console/console-drawer";
import { mountExportMenu } from "../features/export/export-menu";
import { mountImportButton } from "../features/open-file/import-button";
import { mountShareDialog } from "../features/share/share-dialog";
import { isRecentRoute } from "../features/snapshots/recent";
import { startRecentPage, startSnapshotPage } from "../features/snapshots/snapshot-mode";
import { snapshotRoute } from "../features/snapshots/snapshot-view";
import { startStoryPage, storyRoute } from "../features/stories/story-player";
import { h } from "../ui/dom";
import type { Panel } from "../ui/panel";
import type { ExplorerHost } from "./explorer-host";
import { setSource } from "./view-source";

/** What `mountExtensions` started: whether this URL is another page, and the panels to destroy with the explorer. */
export interface Extensions {
  /** True on a snapshot or list page, which must then not load from the database (nor sync to the URL). */
  otherPage: boolean;
  destroy(): void;
}

/**
 * Starts the page this URL asks for: a snapshot or the list of recent ones, or the live explorer's extra controls.
 */
export function mountExtensions(host: ExplorerHost): Extensions {
  const snapshot = snapshotRoute();
  if (snapshot) {
    void startSnapshotPage(host, snapshot);
    return { otherPage: true, destroy: () => {} };
  }
  const story = storyRoute();
  if (story) {
    void startStoryPage(host, story);
    return { otherPage: true, destroy: () => {} };
  }
  if (isRecentRoute()) {
    void startRecentPage(host);
    return { otherPage: true, destroy: () => {} };
  }
  const slot = h("div", { class: "topbar-actions", "data-testid": "topbar-actions" });
  document.querySelector(".topbar")?.insertBefore(slot, document.getElementById("theme-toggle"));
  const panels: Panel[] = [
    mountConsoleDrawer(slot, host),
    mountImportButton(slot, host),
    mountExportMenu(slot, host),
    mountShareDialog(slot, host),
  ];
  // A change of view, filters or time window reloads the database view: the banner goes with it.
  const unsubscribe = host.store.subscribe((state, previous) => {
    if (state.view !== previous.view || state.filters !== previous.filters || state.time !== previous.time)
      setSource(host, { kind: "database" });
  });
  return {
    otherPage: false,
    destroy: () => {
      unsubscribe();
      for (const panel of panels) panel.destroy();
      slot.remove();
    },
  };
}

/**
 * Panel lifecycle
 * ===============
 *
 * Every panel of the explorer is mounted the same way: `mountX(container, deps)` takes `container` and returns a
 * Panel, which draws on `update()`: the explorer calls it when what the panel shows may have changed (the first
 * time when there is something to show), and `destroy()` when the explorer goes, which removes the panel's content,
 * listeners and timers.
 */

/** A mounted panel. */
export interface Panel {
  /** Redraws from the panel's deps (the store's state, the graph); may resolve once drawn. */
  update(): void | Promise<void>;
  /** Removes what the panel drew and every listener or timer it set. */
  destroy(): void;
}

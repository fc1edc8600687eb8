/**
 * Canvas theme
 * ============
 *
 * The few colours the WebGL canvas needs from the page theme (CSS variables are invisible to it), read from the
 * computed style so light and dark themes stay defined in styles.css only.
 */

export interface CanvasTheme {
  background: string;
  foreground: string;
  muted: string;
  panel: string;
  accent: string;
  faded: string;
  fadedEdge: string;
}

/** Reads the canvas colours from the CSS custom properties on <html>. */
export function readCanvasTheme(): CanvasTheme {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    background: v("--bg", "#f7f8fa"),
    foreground: v("--fg", "#1d2430"),
    muted: v("--muted", "#5b6577"),
    panel: v("--panel", "#ffffff"),
    accent: v("--accent", "#d6336c"),
    faded: v("--faded", "#dfe3ea"),
    fadedEdge: v("--faded-edge", "#eceff3"),
  };
}

/**
 * Print picture
 * =============
 *
 * Ctrl+P prints the graph (the print stylesheet in styles.css hides the panels). Sigma draws nodes and edges with
 * WebGL, whose canvases print blank (their drawing buffer is not kept between frames), so just before printing the
 * drawing is rendered once more and its layers copied, in the same task, into one picture that stands in for the
 * canvases on paper.
 */
import type { ExplorerHost } from "../../controllers/explorer-host";

/** Keeps a picture of the drawing for print in `#graph`; returns a function that stops doing so. */
export function bindPrintPicture(host: ExplorerHost): () => void {
  const picture = document.createElement("img");
  picture.className = "print-picture";
  picture.alt = "The network as drawn on screen";
  const paint = () => {
    const sigma = host.renderer();
    const container = document.getElementById("graph");
    if (!sigma || !container) return;
    // A render now, then the copy before the browser clears the WebGL buffers at the end of the task.
    sigma.refresh();
    const layers = [...container.querySelectorAll("canvas")];
    const first = layers[0];
    if (!first) return;
    const canvas = document.createElement("canvas");
    canvas.width = first.width;
    canvas.height = first.height;
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    for (const layer of layers) context.drawImage(layer, 0, 0, canvas.width, canvas.height);
    picture.src = canvas.toDataURL("image/png");
    if (!picture.isConnected) container.append(picture);
  };
  const printMedia = window.matchMedia("print");
  const onMedia = (event: MediaQueryListEvent) => {
    if (event.matches) paint();
  };
  window.addEventListener("beforeprint", paint);
  printMedia.addEventListener("change", onMedia);
  return () => {
    window.removeEventListener("beforeprint", paint);
    printMedia.removeEventListener("change", onMedia);
    picture.remove();
  };
}

/**
 * Dossier dialog
 * ==============
 *
 * The small dialog "Export dossier" opens: paper (A4 or Letter, the default from the browser's locale: Letter where
 * it is the norm) and orientation, then "Make PDF", which loads the dossier chunk (dossier.ts, with pdf-lib and the
 * font) only now, so the explorer's first load stays as it was.
 */
import type { ExplorerHost } from "../../controllers/explorer-host";
import { h } from "../../ui/dom";
import { showErrorText } from "../../ui/write-error";
import "../../ui/dialogs.css";

/** Regions whose paper is Letter (US and the Americas that follow it); A4 everywhere else. */
const LETTER_REGIONS = new Set(["US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "PR"]);

/** Letter for a locale such as en-US, A4 for the rest (and when the locale says no region). */
export function defaultPaper(locale: string = navigator.language): "a4" | "letter" {
  const region = /[-_]([A-Za-z]{2})\b/.exec(locale)?.[1]?.toUpperCase();
  return region && LETTER_REGIONS.has(region) ? "letter" : "a4";
}

/** Opens the dialog; `title()` names the dossier (a snapshot's title, or null for the live view). */
export function openDossierDialog(host: ExplorerHost, title: () => string | null): void {
  const choice = (name: string, value: string, label: string, checked: boolean) =>
    h(
      "label",
      { class: "dossier-choice" },
      h("input", { type: "radio", name, value, checked, "data-testid": `dossier-${value}` }),
      ` ${label}`,
    );
  const paper = defaultPaper();
  const status = h("p", { class: "small muted", role: "status", "data-testid": "dossier-status" });
  const errorBox = h("div", { hidden: true });
  const submit = h("button", { type: "submit", class: "button primary", "data-testid": "dossier-make" }, "Make PDF");
  const form = h(
    "form",
    { method: "dialog" },
    h(
      "header",
      { class: "dialog-head" },
      h("h2", { text: "Export dossier" }),
      h("button", { type: "button", class: "icon-button", "aria-label": "Close", onclick: () => dialog.close() }, "✕"),
    ),
    h(
      "div",
      { class: "dialog-body" },
      h(
        "p",
        { class: "small" },
        "A PDF of this view: the network as vector graphics, the legend, the filters and time window, the actors " +
          "with their roles, and every quote cited for the links shown, with its source and date.",
      ),
      h(
        "fieldset",
        { class: "dossier-field" },
        h("legend", { text: "Paper" }),
        choice("paper", "a4", "A4", paper === "a4"),
        choice("paper", "letter", "Letter", paper === "letter"),
      ),
      h(
        "fieldset",
        { class: "dossier-field" },
        h("legend", { text: "Orientation" }),
        choice("orientation", "portrait", "Portrait", true),
        choice("orientation", "landscape", "Landscape", false),
      ),
      status,
    ),
    errorBox,
    h(
      "footer",
      { class: "dialog-foot" },
      h("span", { class: "spacer" }),
      h("button", { type: "button", class: "button subtle", onclick: () => dialog.close() }, "Cancel"),
      submit,
    ),
  );
  const dialog = h("dialog", { class: "parley-dialog dossier-dialog", "data-testid": "dossier-dialog" }, form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const options = {
      size: data.get("paper") === "letter" ? ("letter" as const) : ("a4" as const),
      orientation: data.get("orientation") === "landscape" ? ("landscape" as const) : ("portrait" as const),
    };
    submit.disabled = true;
    dialog.dataset.state = "working";
    status.textContent = "Gathering the quotes and roles, then writing the PDF…";
    void import("./dossier")
      .then(({ exportDossier }) => exportDossier(host, options, title()))
      .then(() => dialog.close())
      .catch((error: unknown) => {
        dialog.dataset.state = "error";
        status.textContent = "";
        showErrorText(errorBox, error instanceof Error ? error.message : "The dossier could not be made.");
      })
      .finally(() => {
        submit.disabled = false;
      });
  });
  dialog.addEventListener("close", () => dialog.remove());
  document.body.append(dialog);
  dialog.dataset.state = "open";
  dialog.showModal();
}

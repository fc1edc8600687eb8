/**
 * Write error box
 * ===============
 *
 * The error shown in a dialog or panel when a write fails; for 401/403 it explains admin access and offers a field
 * to give the admin token for this tab, then lets the user try again.
 */
import { needsAdmin, setAdminToken, writeErrorMessage } from "../api/write";
import { h } from "./dom";
import "./dialogs.css";

/** Fills `box` with the message for `error` (and a token field when admin rights are missing); `retry` re-sends. */
export function showWriteError(box: HTMLElement, error: unknown, retry?: () => void): void {
  box.hidden = false;
  box.className = "write-error";
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "write-error");
  box.dataset.status = needsAdmin(error) ? "admin" : "error";
  const parts: HTMLElement[] = [h("p", { text: writeErrorMessage(error) })];
  if (needsAdmin(error)) {
    const input = h("input", {
      type: "password",
      class: "token-input",
      placeholder: "Admin token",
      autocomplete: "off",
      "aria-label": "Admin token",
      "data-testid": "admin-token",
    });
    parts.push(
      h(
        "form",
        {
          class: "token-form",
          onsubmit: (e) => {
            e.preventDefault();
            setAdminToken(input.value);
            box.hidden = true;
            retry?.();
          },
        },
        input,
        h(
          "button",
          { type: "submit", class: "button", "data-testid": "admin-token-save" },
          retry ? "Use token and retry" : "Use token",
        ),
      ),
    );
  }
  box.replaceChildren(...parts);
}

/** Hides and empties an error box. */
export function clearWriteError(box: HTMLElement): void {
  box.hidden = true;
  box.replaceChildren();
}

/** Shows a plain message (a local check, not a server answer) in an error box. */
export function showErrorText(box: HTMLElement, text: string): void {
  box.hidden = false;
  box.className = "write-error";
  box.setAttribute("role", "alert");
  box.setAttribute("data-testid", "write-error");
  box.dataset.status = "error";
  box.replaceChildren(h("p", { text }));
}

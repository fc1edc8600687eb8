/**
 * The articles folder
 * ===================
 *
 * Article texts are looked up in `data/articles/` inside the checkout unless PARLEY_ARTICLES_DIR names another
 * folder; never in a folder outside the repository (a fresh clone or the Docker image has only the checkout).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_ARTICLES_DIR, ROOT_DIR, loadConfig } from "../../../server/config.js";

describe("config #articles folder", () => {
  it("it should default to data/articles/ inside the checkout", () => {
    expect(DEFAULT_ARTICLES_DIR).toBe(path.join(ROOT_DIR, "data", "articles"));
    expect(existsSync(path.join(DEFAULT_ARTICLES_DIR, "README.md"))).toBe(true);
    expect(loadConfig({}).articlesDir).toBe(DEFAULT_ARTICLES_DIR);
    expect(path.relative(ROOT_DIR, loadConfig({}).articlesDir!).startsWith("..")).toBe(false);
  });

  it("it should use PARLEY_ARTICLES_DIR when it is set", () => {
    const elsewhere = path.join(ROOT_DIR, "..", "somewhere-else");
    expect(loadConfig({ PARLEY_ARTICLES_DIR: elsewhere }).articlesDir).toBe(path.resolve(elsewhere));
  });
});

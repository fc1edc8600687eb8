/**
 * Request validation
 * ==================
 *
 * Parses query strings, params and bodies with zod and turns failures into one clear 400 that names each field.
 */
import type { z } from "zod";
import { ValidationError } from "../errors.js";

/** Parses `input` with `schema` or throws a ValidationError listing every problem as `field: message`. */
export function parseOr400<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join(".") || "(root)",
    message: issue.message,
  }));
  const summary = problems.map((p) => `${p.path}: ${p.message}`).join("; ");
  throw new ValidationError(`Invalid ${what}: ${summary}`, problems);
}

/** A comma-separated query parameter as a list (`?kinds=person,government`), or undefined when absent/empty. */
export function csvList(value: unknown): string[] | undefined {
  if (value === undefined || value === "") return undefined;
  const raw = Array.isArray(value) ? value.join(",") : String(value);
  const items = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return items.length ? items : undefined;
}

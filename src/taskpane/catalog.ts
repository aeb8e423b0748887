import { TEMPLATES } from "../templates";
import { optionLabel, validateInputs } from "../templates/inputs";
import { InputValues, Template } from "../templates/model";

/** The templates the gallery shows, and the one input check the pane uses (the CLI uses the same). */
export const templates: readonly Template[] = TEMPLATES;

/**
 * The form's starting text: each input's default, a percentage as the user reads it ("10%", not
 * 0.1), a number with options by its words ("360-day year (30-day months)", not 0).
 */
export function startingValues(template: Template): Record<string, string> {
  return Object.fromEntries(
    template.inputs.map((i) => [
      i.name,
      i.options
        ? (optionLabel(i, i.default) ?? String(i.default))
        : i.format === "percent" && typeof i.default === "number"
          ? `${Math.round(i.default * 100 * 1e6) / 1e6}%`
          : String(i.default),
    ])
  );
}

/** Checks the form's text; `values` is null unless every input is good. */
export function checkInputs(template: Template, raw: Record<string, string>): { values: InputValues | null; errors: Record<string, string> } {
  const { values, errors } = validateInputs(template, raw);
  const byName: Record<string, string> = {};
  for (const [name, message] of Object.entries(errors ?? {})) if (message) byName[name] = String(message);
  return { values: Object.keys(byName).length ? null : values, errors: byName };
}

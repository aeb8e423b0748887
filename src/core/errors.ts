/**
 * The two ways an input can be wrong, in the domain's own words. Core code throws these; the
 * custom-function runner turns "range" into Excel's #NUM! and "kind" into #VALUE!, and the task pane
 * and CLI show the message next to the field. Core never depends on Office, so it cannot throw
 * CustomFunctions.Error itself.
 */
export type DomainErrorKind = "range" | "kind";

export class DomainError extends Error {
  readonly kind: DomainErrorKind;
  constructor(kind: DomainErrorKind, message: string) {
    super(message);
    this.kind = kind;
    this.name = "DomainError";
  }
}

/** A number outside what the rule allows, or a goal that can never be reached (#NUM!). */
export function outOfRange(message: string): DomainError {
  return new DomainError("range", message);
}

/** The wrong kind of input: unknown names, text where numbers belong, mismatched lists (#VALUE!). */
export function wrongKind(message: string): DomainError {
  return new DomainError("kind", message);
}

import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { InputValues, Template } from "../../templates/model";
import { PreviewFigure, previewFigures } from "../../templates/preview";
import { formatFigure } from "../figures";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    // Stays in view at the bottom of the pane while the fields above scroll, so the figures answer
    // whichever field is being typed in; at the end of the form it rests in its place.
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    boxShadow: tokens.shadow8,
  },
  list: { display: "grid", gridTemplateColumns: "1fr auto", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold, textAlign: "right", fontVariantNumeric: "tabular-nums" },
  stale: { opacity: 0.55 },
  // One line whatever it says, so the box (and nothing around it) never changes height as you type.
  note: { color: tokens.colorNeutralForeground3, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis" },
});

/**
 * A build that took longer than this (the downline's simulation of a market of hundreds of
 * thousands) is not repeated on every keystroke: the next one waits for a pause in the typing.
 */
export const SLOW_BUILD_MS = 50;
export const PAUSE_MS = 300;

interface State {
  readonly figures: readonly PreviewFigure[];
  /** The figures are for earlier values: some value typed since is not valid yet. */
  readonly stale: boolean;
  readonly computing: boolean;
  readonly failed?: string;
}

/**
 * The template's key figures for the values typed so far, computed by the template itself (the
 * figures the sheet will show). Each change is computed right after the keystroke is drawn; while
 * a value is invalid the last good figures stay, dimmed, with a note.
 */
function compute(template: Template, values: InputValues): State {
  try {
    return { figures: previewFigures(template, values), stale: false, computing: false };
  } catch (e) {
    return { figures: [], stale: false, computing: false, failed: e instanceof Error ? e.message : String(e) };
  }
}

export function usePreview(template: Template, values: InputValues | null): State {
  const lastMs = useRef(0);
  // The first figures are there with the form, not a moment after it.
  const [state, setState] = useState<State>(() => {
    if (!values) return { figures: [], stale: true, computing: false };
    const t0 = performance.now();
    const first = compute(template, values);
    lastMs.current = performance.now() - t0;
    return first;
  });
  const shown = useRef(values);
  useEffect(() => {
    if (values === shown.current) return;
    shown.current = values;
    if (!values) {
      setState((s) => ({ ...s, stale: true, computing: false }));
      return;
    }
    const slow = lastMs.current > SLOW_BUILD_MS;
    if (slow) setState((s) => ({ ...s, computing: true }));
    const timer = setTimeout(
      () => {
        const t0 = performance.now();
        setState(compute(template, values));
        lastMs.current = performance.now() - t0;
      },
      slow ? PAUSE_MS : 0
    );
    return () => clearTimeout(timer);
  }, [template, values]);
  return state;
}

export function LivePreview({ template, values }: { template: Template; values: InputValues | null }) {
  const styles = useStyles();
  const { figures, stale, computing, failed } = usePreview(template, values);
  const box = useRef<HTMLElement>(null);
  // The box covers the bottom of the pane: keep a field that gets focus from scrolling in under it.
  useLayoutEffect(() => {
    const el = box.current;
    const root = document.documentElement;
    if (!el || typeof ResizeObserver === "undefined") return;
    const fit = () => (root.style.scrollPaddingBottom = `${el.offsetHeight + 8}px`);
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.scrollPaddingBottom = "";
    };
  }, []);
  return (
    <section ref={box} className={styles.box} aria-labelledby="preview-title" data-testid="preview">
      <Text as="h3" id="preview-title" weight="semibold" style={{ margin: 0 }}>
        What this plan shows
      </Text>
      {failed ? (
        <Text className={styles.note}>These values cannot be computed: {failed}</Text>
      ) : (
        <dl className={`${styles.list} ${stale || computing ? styles.stale : ""}`} aria-busy={computing}>
          {figures.map((f) => (
            <div key={f.name} style={{ display: "contents" }} data-name={f.name}>
              <dt className={styles.term}>{f.label}</dt>
              <dd className={styles.value} data-testid={`preview-${f.name}`}>
                {formatFigure(f.value, f.format)}
              </dd>
            </div>
          ))}
        </dl>
      )}
      <Text size={200} className={styles.note} aria-live="polite">
        {stale ? "A value above is not valid yet: these figures are for the last valid ones." : computing ? "Updating…" : "For the values above; the sheet computes the same figures."}
      </Text>
    </section>
  );
}

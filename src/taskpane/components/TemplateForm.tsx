import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Select, Text, makeStyles, tokens } from "@fluentui/react-components";
import { FormEvent, MouseEvent, useEffect, useMemo, useRef, useState } from "react";
import { InputField, Template } from "../../templates/model";
import { insertTemplate } from "../../workbook/officejs";
import { checkInputs, startingValues } from "../catalog";
import { formStore, remembered } from "../form-memory";
import { Host, canWrite } from "../host";
import { LivePreview } from "./LivePreview";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  heading: { display: "block", margin: 0 },
  summary: { display: "block", margin: `${tokens.spacingVerticalXS} 0 0`, color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  why: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

interface Outcome {
  readonly ok: boolean;
  readonly title: string;
  readonly text: string;
}

/**
 * The form of one template, generated from its inputs. Every value is checked by the templates'
 * own validateInputs (the CLI uses the same) before anything is written: a bad value is explained
 * next to its field and the workbook is not touched. The key figures show live under the form
 * (LivePreview), and the values typed are remembered per template (form-memory.ts) until
 * **Reset to defaults**.
 */
export function TemplateForm({ template, host, onBack }: { template: Template; host: Host; onBack: () => void }) {
  const styles = useStyles();
  // In Excel the values live in the document's settings, elsewhere in local storage; until the
  // host is known nothing is read or written, and the remembered values are loaded once it is,
  // unless the user has already typed.
  const inExcel = host.kind === "excel" || host.kind === "unsupported";
  const store = useMemo(() => (host.kind === "checking" ? null : formStore(inExcel)), [host.kind, inExcel]);
  const recall = () => ({ ...startingValues(template), ...remembered(template, store?.load(template.id)) });
  const [raw, setRaw] = useState<Record<string, string>>(recall);
  const typed = useRef(false);
  useEffect(() => {
    if (store && !typed.current) setRaw(recall());
  }, [store]);
  const previewValues = useMemo(() => checkInputs(template, raw).values, [template, raw]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  // A field's error shows once the user has left it, or for every field after trying to insert.
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const fields = useRef<Record<string, HTMLInputElement | HTMLSelectElement | null>>({});
  const shown = checked ? errors : Object.fromEntries(Object.entries(errors).filter(([name]) => left.has(name)));

  const change = (name: string, value: string) => {
    const next = { ...raw, [name]: value };
    typed.current = true;
    setRaw(next);
    store?.save(template.id, next);
    setOutcome(null);
    // Errors follow the typing, so a fixed field clears at once.
    setErrors(checkInputs(template, next).errors);
  };
  const leave = (name: string) => {
    if (!left.has(name)) setLeft(new Set([...left, name]));
    setErrors(checkInputs(template, raw).errors);
  };

  const reset = () => {
    typed.current = true;
    setRaw(startingValues(template));
    setErrors({});
    setLeft(new Set());
    setChecked(false);
    setOutcome(null);
    store?.clear(template.id);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const { values, errors: found } = checkInputs(template, raw);
    setErrors(found);
    setChecked(true);
    setOutcome(null);
    const firstBad = template.inputs.find((i) => found[i.name]);
    if (firstBad || !values) {
      if (firstBad) fields.current[firstBad.name]?.focus();
      return;
    }
    if (!canWrite(host)) return;
    setBusy(true);
    try {
      const done = await insertTemplate(template, values);
      const renamed = Object.entries(done.names).filter(([from, to]) => from !== to);
      setOutcome({
        ok: true,
        title: "Plan inserted",
        text:
          `The ${template.title} plan is on the new sheet "${done.sheetName}".` +
          (renamed.length
            ? ` The workbook already had its names, so this copy's names end in ${renamed[0][1].slice(renamed[0][0].length)} (for example ${renamed[0][1]}).`
            : ""),
      });
    } catch (err) {
      setOutcome({ ok: false, title: "The plan was not inserted", text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const disabledWhy =
    host.kind === "checking"
      ? "Waiting for Excel…"
      : host.kind === "outside"
        ? "Inserting needs Excel: open this pane in Excel."
        : host.kind === "unsupported"
          ? "This Excel is too old for inserting plans."
          : "";

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="form-title">
      <div>
        <Text as="h2" id="form-title" size={500} weight="semibold" className={styles.heading}>
          {template.title}
        </Text>
        <Text as="p" className={styles.summary}>
          {template.summary}
        </Text>
      </div>
      {template.inputs.map((input) => (
        <InputRow
          key={input.name}
          input={input}
          value={raw[input.name] ?? ""}
          error={shown[input.name]}
          onChange={(v) => change(input.name, v)}
          onLeave={() => leave(input.name)}
          bind={(el) => (fields.current[input.name] = el)}
        />
      ))}
      <LivePreview template={template} values={previewValues} />
      {checked && Object.keys(errors).length > 0 && (
        <Text role="alert" weight="semibold" className={styles.problem}>
          {Object.keys(errors).length === 1 ? "One value needs fixing" : `${Object.keys(errors).length} values need fixing`}: nothing was written.
        </Text>
      )}
      <div className={styles.actions}>
        <Button
          type="submit"
          appearance="primary"
          disabled={busy || host.kind !== "excel"}
          aria-describedby={disabledWhy ? "insert-why" : undefined}
          onMouseDown={keepFocus}
        >
          {busy ? "Inserting…" : "Insert into workbook"}
        </Button>
        <Button type="button" onClick={reset}>
          Reset to defaults
        </Button>
        <Button type="button" onClick={onBack}>
          Back to templates
        </Button>
        {disabledWhy && (
          <Text id="insert-why" size={200} className={styles.why}>
            {disabledWhy}
          </Text>
        )}
      </div>
      {outcome && (
        <MessageBar intent={outcome.ok ? "success" : "error"} layout="multiline" data-testid="insert-outcome">
          <MessageBarBody>
            <MessageBarTitle>{outcome.title}</MessageBarTitle>
            {outcome.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}

/**
 * A press on Insert must not take the focus from the field being typed in. Leaving a field shows its
 * message, which moves Insert down between the press and the release, so the release lands beside
 * the button and the browser sends the click to the form, not the button: the first click after
 * typing was lost (issue 8). Keeping the focus where it is means nothing moves until the click
 * submits, and the submit then checks every field and shows every message. Keyboard use is not
 * affected (Tab still leaves the field, Enter and Space still press the button).
 */
function keepFocus(e: MouseEvent<HTMLButtonElement>) {
  e.preventDefault();
}

function InputRow({
  input,
  value,
  error,
  onChange,
  onLeave,
  bind,
}: {
  input: InputField;
  value: string;
  error?: string;
  onChange: (v: string) => void;
  onLeave: () => void;
  bind: (el: HTMLInputElement | HTMLSelectElement | null) => void;
}) {
  return (
    <Field label={input.label} hint={input.help} validationMessage={error} validationState={error ? "error" : "none"}>
      {input.kind === "choice" || input.options ? (
        <Select value={value} onChange={(_, d) => onChange(d.value)} onBlur={onLeave} ref={bind} name={input.name}>
          {(input.options ? input.options.map((o) => o.label) : (input.choices ?? [])).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      ) : (
        <Input
          value={value}
          onChange={(_, d) => onChange(d.value)}
          onBlur={onLeave}
          ref={bind}
          name={input.name}
          inputMode={input.kind === "number" ? "decimal" : "text"}
          autoComplete="off"
        />
      )}
    </Field>
  );
}

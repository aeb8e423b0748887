import { Button, Divider, Link, MessageBar, MessageBarBody, SearchBox, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { insertFormulaAtSelection, reconnectFormulas } from "../../workbook/officejs";
import { EXAMPLES } from "../examples";
import { FunctionInfo, loadFunctions, searchFunctions, signature } from "../function-list";
import { Host, canWrite } from "../host";

const useStyles = makeStyles({
  column: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  sig: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere", margin: 0 },
  example: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: "0 4px",
    overflowWrap: "anywhere",
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

/** The outcome of the last action, shown next to the button that started it. */
type Status = { readonly at: string; readonly intent: "success" | "error"; readonly text: string } | null;

/** The BIZ functions, from the built functions.json, each with a worked example to put in the selected cell. */
export function FunctionReference({ host }: { host: Host }) {
  const styles = useStyles();
  const [functions, setFunctions] = useState<FunctionInfo[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filter, setFilter] = useState("");
  const [status, setStatus] = useState<Status>(null);
  const [busy, setBusy] = useState(false);
  const writable = canWrite(host);

  useEffect(() => {
    loadFunctions().then(setFunctions, (e: Error) => setLoadError(e.message));
  }, []);

  const shown = useMemo(() => searchFunctions(functions ?? [], filter), [functions, filter]);

  const run = async (at: string, action: () => Promise<string>) => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ at, intent: "success", text: await action() });
    } catch (e) {
      setStatus({ at, intent: "error", text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  };
  const statusAt = (at: string) =>
    status?.at === at && (
      <MessageBar intent={status.intent} layout="multiline" data-testid="function-status">
        <MessageBarBody>{status.text}</MessageBarBody>
      </MessageBar>
    );

  const insert = (name: string, formula: string) =>
    run(name, async () => `Put ${formula} into ${await insertFormulaAtSelection(formula)}. Edit its arguments in the formula bar.`);
  const reconnect = () =>
    run("reconnect", async () => {
      const r = await reconnectFormulas();
      return r.formulas === 0
        ? "No BIZ formulas needed reconnecting."
        : `Re-entered ${r.formulas} BIZ formula${r.formulas === 1 ? "" : "s"} on ${r.sheets} sheet${r.sheets === 1 ? "" : "s"}.`;
    });

  return (
    <div className={styles.column}>
      <Text as="p">
        Type <code>=BIZ.</code> in any cell to use these, or select a cell and insert a worked example. Rates are fractions (30% is 0.3). Full reference:{" "}
        <Link href="help.html">help page</Link>.
      </Text>
      <SearchBox
        value={filter}
        onChange={(_, d) => setFilter(d.value)}
        placeholder="Search names and descriptions"
        aria-label="Search functions"
        aria-controls="function-list"
      />
      {functions && (
        <Text size={200} aria-live="polite" data-testid="function-count">
          {filter.trim() === ""
            ? `${functions.length} functions`
            : shown.length === 0
              ? `No function matches "${filter.trim()}".`
              : `${shown.length} of ${functions.length} functions match.`}
        </Text>
      )}
      {loadError && (
        <MessageBar intent="error">
          <MessageBarBody>The function list could not be read: {loadError}</MessageBarBody>
        </MessageBar>
      )}
      {!functions && !loadError && <Spinner size="tiny" label="Reading the function list…" />}
      <ul className={styles.list} aria-label="BIZ functions" id="function-list">
        {shown.map((f) => {
          const example = EXAMPLES[f.name.toUpperCase()];
          return (
            <li key={f.name} className={styles.item}>
              <Text as="h3" weight="semibold" className={styles.sig}>
                {signature(f)}
              </Text>
              <Text>{f.description}</Text>
              {f.spills && <Text size={200}>Returns a table that spills into the cells below and to the right.</Text>}
              {example && (
                <div className={styles.row}>
                  <span className={styles.example}>{example}</span>
                  <Button
                    size="small"
                    disabled={!writable || busy}
                    onClick={() => insert(f.name, example)}
                    aria-label={`Insert formula BIZ.${f.name} into the selected cell`}
                  >
                    Insert formula
                  </Button>
                </div>
              )}
              {statusAt(f.name)}
            </li>
          );
        })}
      </ul>
      <Divider />
      <section aria-labelledby="reconnect-title" className={styles.column}>
        <Text as="h3" id="reconnect-title" weight="semibold">
          Workbook made with bizplan?
        </Text>
        <Text>
          A plan file written by the <code>bizplan</code> command shows its saved figures until Excel recalculates. If BIZ cells show #NAME? or do not update
          when you change an input, reconnect them: every BIZ formula in the workbook is entered again so Excel binds it to this add-in.
        </Text>
        <div className={styles.row}>
          <Button disabled={!writable || busy} onClick={reconnect}>
            Reconnect formulas
          </Button>
          {!writable && <Text size={200}>Needs Excel.</Text>}
        </div>
        {statusAt("reconnect")}
      </section>
    </div>
  );
}

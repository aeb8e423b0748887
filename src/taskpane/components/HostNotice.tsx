import { Link, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { Host } from "../host";

const useStyles = makeStyles({ para: { margin: `${tokens.spacingVerticalXS} 0 0` } });

/** Says where the pane runs when it cannot write: how to open it in Excel, or what Excel lacks. */
export function HostNotice({ host }: { host: Host }) {
  const styles = useStyles();
  if (host.kind === "checking") return <Spinner size="extra-tiny" label="Connecting to Excel…" labelPosition="after" />;
  if (host.kind === "excel" && host.noDynamicArrays) {
    return (
      <MessageBar intent="warning" layout="multiline" data-testid="no-dynamic-arrays">
        <MessageBarBody>
          <MessageBarTitle>This Excel has no dynamic arrays</MessageBarTitle>
          <p className={styles.para}>
            Excel 2019 and earlier show only the first value of a BIZ function that returns a table (FUNNEL, BREAKDOWN, DOWNLINE, PROJECTION, SIMULATE and the
            others that spill), including the tables of the Downline Projection plan. Functions that return one number, and every plan&apos;s own Excel
            formulas, work as usual.
          </p>
          <p className={styles.para}>
            To see a whole table here, select a range of its size, type the formula and press Ctrl+Shift+Enter (an array formula). Or use Microsoft 365, Excel
            2021 or later, or Excel on the web, where tables spill by themselves.
          </p>
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (host.kind === "excel") return null;
  if (host.kind === "unsupported") {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This version of Excel is too old for inserting plans</MessageBarTitle>
          It lacks {host.missing.join("; ")}. Update Office, or use Excel on the web. The BIZ functions still work in cells.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <MessageBar intent="info" layout="multiline" data-testid="outside-excel">
      <MessageBarBody>
        <MessageBarTitle>Open this pane in Excel to insert plans</MessageBarTitle>
        <p className={styles.para}>{host.detail} The templates, their forms and the function reference work here; inserting needs Excel.</p>
        <p className={styles.para}>
          To load the add-in: run <code>npm start</code> (Excel on the desktop), or in Excel on the web choose Home &gt; Add-ins &gt; More add-ins &gt; Upload
          My Add-in and pick <code>manifest.xml</code>. The README&apos;s &ldquo;Try it in Excel&rdquo; section has the steps; without Excel,{" "}
          <code>npx bizplan new all --out plan.xlsx</code> writes every plan to a file. <Link href="help.html">Function reference</Link>
        </p>
      </MessageBarBody>
    </MessageBar>
  );
}

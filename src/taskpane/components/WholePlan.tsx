import { Button, Card, CardFooter, CardHeader, MessageBar, MessageBarBody, MessageBarTitle, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { composePlan } from "../../templates/plan";
import { insertPlan } from "../../workbook/officejs";
import { Host, canWrite } from "../host";

const useStyles = makeStyles({
  summary: { color: tokens.colorNeutralForeground2 },
  why: { color: tokens.colorNeutralForeground3 },
  footer: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

/**
 * The gallery's first card: the whole plan, a Plan sheet and the six templates linked into one
 * chain (src/templates/plan.ts), inserted in one Excel.run. It takes the templates' defaults; the
 * user then changes the goal on the Income Goal sheet and every sheet follows.
 */
export function WholePlan({ host }: { host: Host }) {
  const styles = useStyles();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  const insert = async () => {
    if (!canWrite(host)) return;
    setBusy(true);
    setOutcome(null);
    try {
      const { entries, errors } = composePlan();
      if (Object.keys(errors).length > 0)
        throw new Error(
          Object.values(errors)
            .flatMap((e) => Object.values(e))
            .join(" ")
        );
      const done = await insertPlan(entries);
      const suffix = Object.entries(done.names).find(([from, to]) => from !== to);
      setOutcome({
        ok: true,
        text:
          `The whole plan is on ${done.sheets.length} new sheets, starting with "${done.sheets[0].sheetName}". Change your goal (GoalAmount) on "${done.sheets[1].sheetName}" and every sheet follows.` +
          (suffix ? ` The workbook already had its names, so this plan's names end in ${suffix[1].slice(suffix[0].length)}.` : ""),
      });
    } catch (err) {
      setOutcome({ ok: false, text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" aria-labelledby="whole-plan-title">
      <CardHeader
        header={
          <Text as="h2" id="whole-plan-title" weight="semibold" size={400}>
            The whole plan
          </Text>
        }
        description={
          <Text className={styles.summary}>
            One linked workbook: a Plan sheet that answers the three questions on one screen, and the six templates feeding each other. The funnel works from
            your goal a month, the tracker from your day-job income.
          </Text>
        }
      />
      <CardFooter className={styles.footer}>
        <Button
          appearance="primary"
          size="small"
          onClick={insert}
          disabled={busy || host.kind !== "excel"}
          data-testid="insert-whole-plan"
          aria-describedby={host.kind !== "excel" ? "whole-plan-why" : undefined}
        >
          {busy ? "Inserting…" : "Insert the whole plan"}
        </Button>
        {host.kind !== "excel" && (
          <Text size={200} className={styles.why} id="whole-plan-why">
            {host.kind === "checking"
              ? "Waiting for Excel…"
              : host.kind === "unsupported"
                ? "This Excel is too old for inserting plans."
                : "Inserting needs Excel."}
          </Text>
        )}
      </CardFooter>
      {outcome && (
        <MessageBar intent={outcome.ok ? "success" : "error"} layout="multiline" data-testid="whole-plan-outcome">
          <MessageBarBody>
            <MessageBarTitle>{outcome.ok ? "Plan inserted" : "The plan was not inserted"}</MessageBarTitle>
            {outcome.text}
          </MessageBarBody>
        </MessageBar>
      )}
    </Card>
  );
}

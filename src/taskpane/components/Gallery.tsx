import { Button, Card, CardFooter, CardHeader, Text, makeStyles, tokens } from "@fluentui/react-components";
import { Template } from "../../templates/model";
import { Host } from "../host";
import { WholePlan } from "./WholePlan";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "grid", gap: tokens.spacingVerticalS },
  summary: { color: tokens.colorNeutralForeground2 },
});

/** The whole plan first (when the host is known), then the six plan templates as cards; choosing one opens its form. */
export function Gallery({ templates, onChoose, host }: { templates: readonly Template[]; onChoose: (t: Template) => void; host?: Host }) {
  const styles = useStyles();
  return (
    <div className={styles.list}>
      {host && <WholePlan host={host} />}
      <ul className={styles.list} aria-label="Plan templates">
        {templates.map((t) => (
          <li key={t.id}>
            <Card size="small">
              <CardHeader
                header={
                  <Text as="h2" weight="semibold" size={400}>
                    {t.title}
                  </Text>
                }
                description={<Text className={styles.summary}>{t.summary}</Text>}
              />
              <CardFooter>
                <Button appearance="primary" size="small" onClick={() => onChoose(t)} aria-label={`Fill in ${t.title}`}>
                  Fill in
                </Button>
              </CardFooter>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}

import { FluentProvider, Tab, TabList, Title3, makeStyles, tokens, webLightTheme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { Template } from "../templates/model";
import { templates } from "./catalog";
import { FunctionReference } from "./components/FunctionReference";
import { Gallery } from "./components/Gallery";
import { HostNotice } from "./components/HostNotice";
import { TemplateForm } from "./components/TemplateForm";
import { Host } from "./host";

const useStyles = makeStyles({
  root: { minHeight: "100vh", backgroundColor: tokens.colorNeutralBackground2 },
  main: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "40rem",
    margin: "0 auto",
  },
  title: { margin: 0, color: tokens.colorBrandForeground1 },
});

type View = "templates" | "functions";

export function App({ host: hostReady }: { host: Promise<Host> }) {
  const styles = useStyles();
  const [host, setHost] = useState<Host>({ kind: "checking" });
  const [view, setView] = useState<View>("templates");
  const [chosen, setChosen] = useState<Template | null>(null);

  useEffect(() => {
    let live = true;
    hostReady.then((h) => live && setHost(h));
    return () => {
      live = false;
    };
  }, [hostReady]);

  return (
    <FluentProvider theme={webLightTheme} className={styles.root}>
      <main className={styles.main}>
        <Title3 as="h1" className={styles.title}>
          Home Business Planner
        </Title3>
        <HostNotice host={host} />
        <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label="Sections">
          <Tab value="templates" id="tab-templates">
            Plan templates
          </Tab>
          <Tab value="functions" id="tab-functions">
            Functions
          </Tab>
        </TabList>
        <div role="tabpanel" aria-labelledby={`tab-${view}`}>
          {view === "functions" ? (
            <FunctionReference host={host} />
          ) : chosen ? (
            <TemplateForm key={chosen.id} template={chosen} host={host} onBack={() => setChosen(null)} />
          ) : (
            <Gallery templates={templates} onChoose={setChosen} host={host} />
          )}
        </div>
      </main>
    </FluentProvider>
  );
}

import { createRoot } from "react-dom/client";
import { App } from "./App";
import { detectHost } from "./host";

// The pane renders at once (the gallery and forms need nothing from Office); whether it may write
// to a workbook is known when office.js reports the host.
const root = document.getElementById("root");
if (root) createRoot(root).render(<App host={detectHost()} />);

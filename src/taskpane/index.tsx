// Placeholder until the templates issue builds the task pane.
Office.onReady(() => {
  const root = document.getElementById("root");
  if (root) root.textContent = "Home Business Planner";
});

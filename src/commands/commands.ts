// Ribbon commands page. The ribbon's only button opens the task pane (ShowTaskpane in the
// manifest), which needs no code; Office still requires the page to initialise.
Office.onReady(() => undefined);

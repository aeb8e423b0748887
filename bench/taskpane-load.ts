import { GALLERY_BUTTON, haveChromium, open, serve, sinceNavigation } from "../test/browser/harness";

/**
 * Time from the start of navigation until the task pane is interactive (the gallery's first button
 * shown and enabled), in headless Chromium with the real office.js served locally and no Office host:
 * the median of several fresh browser profiles. Undefined when Debian's chromium is not installed.
 */
export async function measureTaskpaneLoad(dist: string, runs = 5): Promise<{ runs: number; medianMs: number } | undefined> {
  if (!haveChromium) return undefined;
  const server = await serve(dist);
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const session = await open(server.url, false);
      try {
        await session.page.goto(`${server.url}/taskpane.html`);
        times.push(await sinceNavigation(session.page, GALLERY_BUTTON));
      } finally {
        await session.context.close();
      }
    }
  } finally {
    await server.close();
  }
  times.sort((a, b) => a - b);
  return { runs, medianMs: times[Math.floor(runs / 2)] };
}

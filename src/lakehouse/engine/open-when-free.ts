// Opening the OPFS database file, waiting while a previous page still holds it.
/**
 * The writer lock passes to this page as soon as the previous holder goes (a closed tab, a
 * reload, a page whose engine crashed), but that page's DuckDB worker can hold its OPFS access
 * handles a moment longer, and the browser refuses a second handle. Wait for it, up to 20 s.
 */
export async function openWhenFree(open: () => Promise<void>, limitMs = 20_000): Promise<void> {
  const BUSY = /Access Handles? cannot be created|NoModificationAllowedError|another open Access Handle/i;
  const deadline = performance.now() + limitMs;
  for (let wait = 100; ; wait = Math.min(wait * 2, 2_000)) {
    try {
      return await open();
    } catch (error) {
      if (!BUSY.test(error instanceof Error ? error.message : String(error)) || performance.now() + wait > deadline) throw error;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

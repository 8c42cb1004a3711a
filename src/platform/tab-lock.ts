// One writer at a time: the tab holding this Web Lock owns the database file in OPFS. Another
// tab waits in line and takes over when the holder closes.
const LOCK_NAME = 'wolfie-lakehouse-writer';

/**
 * Resolves when this tab holds the writer lock (at once, or after the other tab closes).
 * `onWaiting` is called first when another tab holds it.
 */
export function acquireWriterLock(onWaiting: () => void): Promise<void> {
  if (!('locks' in navigator)) return Promise.resolve();
  return new Promise((granted) => {
    void navigator.locks.request(LOCK_NAME, { ifAvailable: true }, (lock) => {
      if (lock) {
        granted();
        return new Promise<never>(() => undefined); // held for the life of the page
      }
      onWaiting();
      void navigator.locks.request(LOCK_NAME, () => {
        granted();
        return new Promise<never>(() => undefined);
      });
      return undefined;
    });
  });
}

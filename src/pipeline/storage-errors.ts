// A storage failure (the origin's quota is full, an OPFS write or sync failed) is the person's to
// fix, unlike a bug: recognise it in an engine message and say what to do next.

const QUOTA = /quota|QuotaExceeded|no space left|disk is full|ENOSPC/i;
const WRITE = /IO Error|I\/O error|opfs|NotReadableError|NoModificationAllowedError|could not (write|sync|truncate|open)/i;

/** Advice for a storage error message, or null when the message is about something else. */
export function storageAdvice(message: string): string | null {
  if (QUOTA.test(message)) {
    return "The browser has no room left for Wolfie's database: free disk space, or clear other sites' data (browser settings, Privacy, Site data), then run again. Everything committed before this step is kept.";
  }
  if (WRITE.test(message)) {
    return "Writing to the browser's storage failed: close other Wolfie tabs, check free disk space, reload the page and run again. Everything committed before this step is kept.";
  }
  return null;
}

// A content fingerprint cheap enough for thousands of files a second: SHA-256 over the size and
// the first and last 64 KiB. Catches re-encodes and retags (tags live at the ends) without
// reading whole files; the same audio copied to two folders gets the same fingerprint.
const EDGE_BYTES = 64 * 1024;

export async function fingerprint(file: Blob): Promise<string> {
  const size = file.size;
  const head = new Uint8Array(await file.slice(0, Math.min(size, EDGE_BYTES)).arrayBuffer());
  const tail = size > EDGE_BYTES ? new Uint8Array(await file.slice(Math.max(EDGE_BYTES, size - EDGE_BYTES)).arrayBuffer()) : new Uint8Array(0);
  const sizeBytes = new TextEncoder().encode(String(size));
  const all = new Uint8Array(sizeBytes.length + head.length + tail.length);
  all.set(sizeBytes, 0);
  all.set(head, sizeBytes.length);
  all.set(tail, sizeBytes.length + head.length);
  const digest = await crypto.subtle.digest('SHA-256', all);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

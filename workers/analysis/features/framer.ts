// Cuts a stream of sample chunks into fixed frames (size, hop) without keeping more than one
// frame of history, so frame-based features work on files of any length. One buffer is reused
// across chunks (grown only when a larger chunk arrives), so framing allocates nothing per chunk.

export class Framer {
  private buf = new Float32Array(0);
  private pending = 0;
  /** Index of the next frame, counted from the start of the stream. */
  frameIndex = 0;

  constructor(
    readonly size: number,
    readonly hop: number,
    private readonly onFrame: (buffer: Float32Array, from: number, index: number) => void,
  ) {}

  push(x: Float32Array): void {
    const total = this.pending + x.length;
    if (total > this.buf.length) {
      const grown = new Float32Array(Math.max(total, 2 * this.buf.length));
      grown.set(this.buf.subarray(0, this.pending));
      this.buf = grown;
    }
    const buf = this.buf;
    buf.set(x, this.pending);
    let at = 0;
    for (; at + this.size <= total; at += this.hop) this.onFrame(buf, at, this.frameIndex++);
    // Keep what the next frame still needs (a hop larger than the size skips samples).
    const keep = Math.max(0, total - at);
    if (keep > 0 && at > 0) buf.copyWithin(0, at, total);
    this.pending = keep;
  }
}

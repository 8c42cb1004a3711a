// Cuts a stream of sample chunks into fixed frames (size, hop) without keeping more than one
// frame of history, so frame-based features work on files of any length.

export class Framer {
  private pending = new Float32Array(0);
  /** Index of the next frame, counted from the start of the stream. */
  frameIndex = 0;

  constructor(
    readonly size: number,
    readonly hop: number,
    private readonly onFrame: (buffer: Float32Array, from: number, index: number) => void,
  ) {}

  push(x: Float32Array): void {
    const buf = new Float32Array(this.pending.length + x.length);
    buf.set(this.pending, 0);
    buf.set(x, this.pending.length);
    let at = 0;
    for (; at + this.size <= buf.length; at += this.hop) this.onFrame(buf, at, this.frameIndex++);
    this.pending = buf.slice(Math.min(at, buf.length));
  }
}

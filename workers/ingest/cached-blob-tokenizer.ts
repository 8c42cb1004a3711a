// A Blob tokenizer for music-metadata that reads the file in 64 KiB blocks and keeps the recent
// ones. Tag parsers make hundreds of tiny reads (frame and page headers); in a browser each
// Blob read is an asynchronous file-system round trip, so batching them into a few block
// reads is what makes tag reading fast. Same contract as strtok3's own BlobTokenizer.
import { AbstractTokenizer, EndOfStreamError } from 'strtok3/core';

const BLOCK = 64 * 1024;
const MAX_BLOCKS = 32; // 2 MiB of cache per file at most
const DIRECT_READ_BLOCKS = 4; // larger reads (rare: big tags) bypass the cache

type ReadOptions = { position?: number; length?: number; offset?: number; mayBeLess?: boolean };

export class CachedBlobTokenizer extends AbstractTokenizer {
  readonly fileInfo: { size: number; mimeType: string; path?: string };
  private readonly blocks = new Map<number, Promise<Uint8Array>>();

  /** `path` lets music-metadata fall back to the extension when the content alone does not say the format. */
  constructor(private readonly blob: Blob, path?: string) {
    super();
    this.fileInfo = { size: blob.size, mimeType: blob.type, path };
  }

  supportsRandomAccess(): boolean {
    return true;
  }

  setPosition(position: number): void {
    this.position = position;
  }

  async readBuffer(buffer: Uint8Array, options?: ReadOptions): Promise<number> {
    const position = options?.position ?? this.position;
    const read = await this.peekBuffer(buffer, { ...options, position });
    this.position = position + read;
    return read;
  }

  async peekBuffer(buffer: Uint8Array, options?: ReadOptions): Promise<number> {
    const position = options?.position ?? this.position;
    const offset = options?.offset ?? 0;
    const length = options?.length ?? buffer.length - offset;
    const toRead = Math.max(0, Math.min(this.blob.size - position, length));
    if (!options?.mayBeLess && toRead < length) throw new EndOfStreamError();
    if (toRead === 0) return 0;
    if (toRead > DIRECT_READ_BLOCKS * BLOCK) {
      buffer.set(new Uint8Array(await this.blob.slice(position, position + toRead).arrayBuffer()), offset);
      return toRead;
    }
    let done = 0;
    while (done < toRead) {
      const at = position + done;
      const index = Math.floor(at / BLOCK);
      const block = await this.block(index);
      const from = at - index * BLOCK;
      const n = Math.min(block.length - from, toRead - done);
      buffer.set(block.subarray(from, from + n), offset + done);
      done += n;
    }
    return toRead;
  }

  private block(index: number): Promise<Uint8Array> {
    let block = this.blocks.get(index);
    if (block) {
      // Refresh its place: Map iteration order is the eviction order.
      this.blocks.delete(index);
    } else {
      block = this.blob.slice(index * BLOCK, (index + 1) * BLOCK).arrayBuffer().then((b) => new Uint8Array(b));
      if (this.blocks.size >= MAX_BLOCKS) this.blocks.delete(this.blocks.keys().next().value!);
    }
    this.blocks.set(index, block);
    return block;
  }
}

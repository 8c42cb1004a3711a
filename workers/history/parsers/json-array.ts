// Streaming splitter for a top-level JSON array of objects: feeds text in pieces, hands each
// object to JSON.parse on its own, so memory stays at one chunk plus one record however large the
// file. No streaming-JSON package was used: a tokeniser in JS parses ~10x slower than cutting on
// brace depth and letting the engine's native JSON.parse do the work (see tests/bench/history-parse.ts).
import { ParseError } from '../sink';

export type ObjectHandler = (value: Record<string, unknown>, recordNo: number, line: number) => void;

const QUOTE = 34, BACKSLASH = 92, LBRACE = 123, RBRACE = 125, LBRACKET = 91, RBRACKET = 93, NEWLINE = 10;

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;

export class JsonArraySplitter {
  private buf = '';
  private depth = 0;
  private inString = false;
  private objStart = -1;
  private started = false;
  private closed = false;
  private line = 1;
  private objLine = 1;
  private recordNo = 0;

  constructor(private readonly onObject: ObjectHandler) {}

  write(text: string): void {
    // Keep only the open object's text from the previous piece; everything before it is done.
    const carry = this.objStart >= 0 ? this.buf.slice(this.objStart) : '';
    const base = carry.length;
    this.buf = carry + text;
    if (this.objStart >= 0) this.objStart = 0;
    this.scan(base);
  }

  end(): void {
    if (!this.started) throw new ParseError('no JSON array found (empty export or not JSON)', `line ${this.line}`);
    if (this.depth > 0) {
      throw new ParseError(`file is truncated: record ${this.recordNo + 1} starting at line ${this.objLine} never closes`, `line ${this.line}`);
    }
    if (!this.closed) throw new ParseError(`file is truncated: the array is not closed after record ${this.recordNo}`, `line ${this.line}`);
  }

  private scan(from: number): void {
    const s = this.buf;
    const n = s.length;
    let i = from;
    while (i < n) {
      if (this.inString) {
        // Jump to the next quote; an odd run of backslashes before it means it is escaped.
        const q = s.indexOf('"', i);
        if (q < 0) return;
        let k = q - 1;
        while (k >= 0 && s.charCodeAt(k) === BACKSLASH) k--;
        i = q + 1;
        if ((q - 1 - k) % 2 === 0) this.inString = false;
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      else if (this.depth > 0) {
        if (c === QUOTE) this.inString = true;
        else if (c === LBRACE || c === LBRACKET) this.depth++;
        else if (c === RBRACE || c === RBRACKET) {
          if (--this.depth === 0) this.emit(s.slice(this.objStart, i + 1));
        }
      } else if (!isSpace(c)) this.structural(c, i);
      i++;
    }
    if (this.depth === 0) this.buf = '';
  }

  /** A character between records: only '[', ',', '{' and the closing ']' belong there. */
  private structural(c: number, at: number): void {
    const where = `line ${this.line}`;
    if (this.closed) throw new ParseError('unexpected data after the end of the array', where);
    if (!this.started) {
      if (c !== LBRACKET) throw new ParseError('not a JSON array of records', where);
      this.started = true;
    } else if (c === LBRACE) {
      this.depth = 1;
      this.objStart = at;
      this.objLine = this.line;
    } else if (c === RBRACKET) this.closed = true;
    else if (c !== 44) throw new ParseError(`record ${this.recordNo + 1} is not an object`, where);
  }

  private emit(text: string): void {
    this.recordNo++;
    this.objStart = -1;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new ParseError(`record ${this.recordNo} is not valid JSON (${(e as Error).message})`, `line ${this.objLine}`);
    }
    // Text cut from '{' to its matching '}' that JSON.parse accepts can only be an object.
    this.onObject(value as Record<string, unknown>, this.recordNo, this.objLine);
  }
}

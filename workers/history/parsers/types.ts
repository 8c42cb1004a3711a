// The shape every parser has: text pieces in, records out through the sink, ParseError on a broken file.
import type { RecordSink } from '../sink';

export interface TextParser {
  write(text: string): void;
  /** The file has ended: throw a ParseError if it was cut short. */
  end(): void;
}

export type ParserFactory = (sink: RecordSink, fileName: string) => TextParser;

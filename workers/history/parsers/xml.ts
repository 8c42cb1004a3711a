// A saxes parser set up for exports: junk before the XML declaration (seen in real iTunes files)
// is skipped, and XML errors surface as ParseErrors that name the line and column.
import { SaxesParser } from 'saxes';
import { ParseError } from '../sink';
import type { TextParser } from './types';

type Options = { position: true; xmlns: false };
export type XmlSetup = (sax: SaxesParser<Options>) => { end(): void };

export function xmlParser(setup: XmlSetup): TextParser {
  const sax = new SaxesParser<Options>({ position: true, xmlns: false });
  let onEnd: () => void = () => {};
  let started = false;
  // Text before the first '<' is junk a tool wrote ahead of the document; saxes rejects it.
  let pending = '';
  sax.on('error', (e) => {
    throw new ParseError(`malformed XML: ${e.message.replace(/^\d+:\d+: /, '')}`, `line ${sax.line}, column ${sax.column}`);
  });
  onEnd = setup(sax).end;
  return {
    write(text) {
      if (!started) {
        pending += text;
        const decl = pending.indexOf('<?xml');
        const lt = decl >= 0 ? decl : pending.indexOf('<');
        if (lt < 0) {
          if (pending.length > 65_536) throw new ParseError('no XML element in the first 64 KiB', 'line 1');
          return;
        }
        text = pending.slice(lt);
        pending = '';
        started = true;
      }
      sax.write(text);
    },
    end() {
      if (!started) throw new ParseError('no XML document found (empty export or not XML)', 'line 1');
      sax.close();
      onEnd();
    },
  };
}

// Cuts streamed CSV text into whole records (a newline outside quotes ends one), so papaparse can
// parse each piece with no record split across pieces. Quote parity is exact for RFC 4180 files,
// where a literal quote inside a field is written doubled.
export class CsvRecordCutter {
  private carry = '';
  private inQuotes = false;

  /** Returns the text of the complete records now available (may be ''). */
  push(text: string): string {
    const s = this.carry + text;
    let lastEnd = -1;
    let q = this.inQuotes;
    for (let i = this.carry.length; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c === 34) q = !q;
      else if (c === 10 && !q) lastEnd = i;
    }
    this.inQuotes = q;
    if (lastEnd < 0) {
      this.carry = s;
      return '';
    }
    this.carry = s.slice(lastEnd + 1);
    return s.slice(0, lastEnd + 1);
  }

  /** The last record when the file does not end in a newline. */
  rest(): { text: string; unclosedQuote: boolean } {
    return { text: this.carry, unclosedQuote: this.inQuotes };
  }
}

// Offsets → LSP positions (0-based line and UTF-16 character), computed once per text.

export interface Position {
  line: number;
  character: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: at - this.starts[lo] };
  }

  offset(position: Position): number {
    const start = this.starts[Math.min(Math.max(position.line, 0), this.starts.length - 1)];
    return Math.min(start + Math.max(position.character, 0), this.text.length);
  }

  range(offset: number, length: number): { start: Position; end: Position } {
    return { start: this.position(offset), end: this.position(offset + length) };
  }
}

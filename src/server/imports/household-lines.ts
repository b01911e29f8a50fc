/**
 * The households of a file as COPY text lines, kept as bytes in one growing buffer rather than as
 * a million strings: a string kept per row survives the young generation and is copied by the
 * garbage collector (measured: 11 µs of a 16 µs row). Each line is the stored columns (starting
 * with the KK hash as COPY text writes a bytea, `\\x` and 64 hex digits, then the village code)
 * followed by a tab, the row in the file and a newline; the row is for error messages and is left
 * out when the line goes straight into household_record.
 */
export class HouseholdLines {
  #bytes = Buffer.allocUnsafe(1 << 20);
  #length = 0;
  #starts = new Uint32Array(1 << 12);
  /** Where the row number (its tab) starts in each line. */
  #cuts = new Uint32Array(1 << 12);
  #provinceOf = new Uint8Array(1 << 12);
  readonly #provinces: string[] = [];
  #count = 0;

  get count(): number {
    return this.#count;
  }

  /** The province codes of the lines, sorted. */
  get provinces(): string[] {
    return [...this.#provinces].sort();
  }

  /**
   * Adds a household: `line` is its COPY text line, the stored columns (starting with the KK hash,
   * `\\x` and 64 hex digits), a tab, its row in the file and a newline.
   */
  add(line: string, province: string): void {
    if (this.#count === this.#starts.length) this.#growIndex();
    const needed = this.#length + line.length * 3;
    if (needed > this.#bytes.length) {
      const bigger = Buffer.allocUnsafe(Math.max(needed, this.#bytes.length * 2));
      this.#bytes.copy(bigger, 0, 0, this.#length);
      this.#bytes = bigger;
    }
    let ordinal = this.#provinces.indexOf(province);
    if (ordinal === -1) ordinal = this.#provinces.push(province) - 1;
    if (ordinal > 255) throw new Error('More than 256 provinces in one file');
    this.#starts[this.#count] = this.#length;
    this.#length += this.#bytes.write(line, this.#length, 'utf8');
    // The row and the newline after the last tab are ASCII: as many bytes as characters.
    this.#cuts[this.#count] = this.#length - (line.length - line.lastIndexOf('\t'));
    this.#provinceOf[this.#count] = ordinal;
    this.#count += 1;
  }

  /**
   * COPY text (UTF-8) of every line in key order (province, then KK hash), in chunks of `rowsPerChunk`
   * lines: with the row (`end` null) or with the row replaced by `end` (which ends the line).
   */
  *chunks(rowsPerChunk: number, end: string | null): Generator<Uint8Array<ArrayBuffer>> {
    const order = this.#sortedOrder();
    const ending = end === null ? null : Buffer.from(end, 'utf8');
    for (let from = 0; from < order.length; from += rowsPerChunk) {
      const to = Math.min(order.length, from + rowsPerChunk);
      let size = 0;
      for (let index = from; index < to; index += 1) size += this.#span(order[index] ?? 0, ending);
      yield this.#gather(order, from, to, ending, size);
    }
  }

  /** The lines order[from … to) as text (`size` bytes). Byte loops: a line is ~130 bytes, less than Buffer.copy()'s per-call checks cost. */
  #gather(order: Uint32Array, from: number, to: number, ending: Buffer | null, size: number): Uint8Array<ArrayBuffer> {
    const chunk = Buffer.allocUnsafe(size);
    const bytes = this.#bytes;
    const starts = this.#starts;
    const cuts = this.#cuts;
    const endingLength = ending ? ending.length : 0;
    let at = 0;
    for (let index = from; index < to; index += 1) {
      const line = order[index] as number;
      const stop = ending ? (cuts[line] as number) : this.#end(line);
      for (let byte = starts[line] as number; byte < stop; byte += 1) chunk[at++] = bytes[byte] as number;
      for (let byte = 0; byte < endingLength; byte += 1) chunk[at++] = (ending as Buffer)[byte] as number;
    }
    return chunk;
  }

  #end(line: number): number {
    return line + 1 < this.#count ? (this.#starts[line + 1] ?? 0) : this.#length;
  }

  #span(line: number, ending: Buffer | null): number {
    return ending ? (this.#cuts[line] ?? 0) - (this.#starts[line] ?? 0) + ending.length : this.#end(line) - (this.#starts[line] ?? 0);
  }

  /**
   * Line numbers in key order. Each line's key (province rank, the first bits of its hash, the line
   * number) is packed in one exact float64 and sorted natively; lines whose packed prefixes tie
   * (a few per cent) are then ordered by their whole hash.
   */
  #sortedOrder(): Uint32Array {
    const count = this.#count;
    const sortedCodes = this.provinces;
    const rank = this.#provinces.map((code) => sortedCodes.indexOf(code));
    const lineBits = bitsFor(count);
    const provinceBits = bitsFor(this.#provinces.length);
    const hashBits = Math.min(32, 53 - lineBits - provinceBits);
    if (hashBits < 8) throw new Error(`Too many households in one file (${count})`);
    const lineScale = 2 ** lineBits;
    const hashScale = 2 ** hashBits;
    const hashDrop = 2 ** (32 - hashBits);
    const keys = new Float64Array(count);
    for (let line = 0; line < count; line += 1) {
      const prefix = Math.floor(this.#hashPrefix(this.#starts[line] ?? 0) / hashDrop);
      keys[line] = ((rank[this.#provinceOf[line] ?? 0] ?? 0) * hashScale + prefix) * lineScale + line;
    }
    keys.sort();
    const order = new Uint32Array(count);
    for (let index = 0; index < count; index += 1) order[index] = (keys[index] ?? 0) % lineScale;
    // Ties of the packed prefix: order those runs by the whole hash (its 64 hex digits).
    for (let from = 0; from < count; ) {
      const group = Math.floor((keys[from] ?? 0) / lineScale);
      let to = from + 1;
      while (to < count && Math.floor((keys[to] ?? 0) / lineScale) === group) to += 1;
      if (to - from > 1) {
        const run = Array.from(order.subarray(from, to)).sort((a, b) => this.#compareHashes(a, b));
        order.set(run, from);
      }
      from = to;
    }
    return order;
  }

  #hashPrefix(lineStart: number): number {
    const start = lineStart + HASH_AT;
    let value = 0;
    for (let index = start; index < start + 8; index += 1) value = value * 16 + hexDigit(this.#bytes[index] ?? 48);
    return value;
  }

  #compareHashes(a: number, b: number): number {
    const startA = (this.#starts[a] ?? 0) + HASH_AT;
    const startB = (this.#starts[b] ?? 0) + HASH_AT;
    return this.#bytes.compare(this.#bytes, startB, startB + 64, startA, startA + 64);
  }

  #growIndex(): void {
    const size = this.#starts.length * 2;
    const grow = <T extends Uint32Array | Uint8Array>(array: T, make: (length: number) => T): T => {
      const bigger = make(size);
      bigger.set(array);
      return bigger;
    };
    this.#starts = grow(this.#starts, (length) => new Uint32Array(length));
    this.#cuts = grow(this.#cuts, (length) => new Uint32Array(length));
    this.#provinceOf = grow(this.#provinceOf, (length) => new Uint8Array(length));
  }
}

/** Where the hash's hex digits start in a line (after `\\x`). */
const HASH_AT = 3;

/** Bits needed to count 0 … n-1 (0 for n ≤ 1). */
function bitsFor(count: number): number {
  return count <= 1 ? 0 : Math.ceil(Math.log2(count));
}

function hexDigit(byte: number): number {
  return byte <= 57 ? byte - 48 : byte - 87;
}

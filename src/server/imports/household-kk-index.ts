/**
 * The row each family-card number (No KK, 16 digits) was first seen on, to name duplicates.
 * A survey file holds up to a million households: a Map of a million strings costs about a
 * second of garbage collection, so the digits are kept as two 8-digit numbers in typed arrays
 * (open addressing, linear probing). Exact: no hash of the digits stands in for them.
 */
export class KkRowIndex {
  #bits = 16;
  #high = new Uint32Array(1 << this.#bits);
  #low = new Uint32Array(1 << this.#bits);
  /** Row number + 1 at each slot; 0 is an empty slot. */
  #rows = new Int32Array(1 << this.#bits);
  #size = 0;

  /** Records `kk` (16 digits) on `row`; returns the row it was already on, or null when it is new. */
  firstRowOrAdd(kk: string, row: number): number | null {
    const high = eightDigits(kk, 0);
    const low = eightDigits(kk, 8);
    const slot = this.#find(high, low);
    const found = this.#rows[slot] ?? 0;
    if (found !== 0) return found - 1;
    this.#high[slot] = high;
    this.#low[slot] = low;
    this.#rows[slot] = row + 1;
    if ((this.#size += 1) * 2 > this.#rows.length) this.#grow();
    return null;
  }

  /** The slot holding this number, or the empty slot where it belongs. */
  #find(high: number, low: number): number {
    const mask = this.#rows.length - 1;
    for (let slot = mix(high, low) >>> (32 - this.#bits); ; slot = (slot + 1) & mask) {
      if (this.#rows[slot] === 0 || (this.#high[slot] === high && this.#low[slot] === low)) return slot;
    }
  }

  #grow(): void {
    const [high, low, rows] = [this.#high, this.#low, this.#rows];
    this.#bits += 1;
    this.#high = new Uint32Array(1 << this.#bits);
    this.#low = new Uint32Array(1 << this.#bits);
    this.#rows = new Int32Array(1 << this.#bits);
    for (let slot = 0; slot < rows.length; slot += 1) {
      const row = rows[slot] ?? 0;
      if (row === 0) continue;
      const target = this.#find(high[slot] ?? 0, low[slot] ?? 0);
      this.#high[target] = high[slot] ?? 0;
      this.#low[target] = low[slot] ?? 0;
      this.#rows[target] = row;
    }
  }
}

function eightDigits(text: string, from: number): number {
  let value = 0;
  for (let index = from; index < from + 8; index += 1) value = value * 10 + (text.charCodeAt(index) - 48);
  return value;
}

function mix(high: number, low: number): number {
  return Math.imul(high ^ Math.imul(low, 0x85ebca6b), 0x9e3779b1) >>> 0;
}

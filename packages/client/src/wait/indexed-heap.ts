/**
 * A binary min-heap that can also remove or re-key any item in O(log n): each
 * item remembers its position through `slot`. The watcher keeps every wait in
 * two of these (next poll, deadline), so one timer serves any number of waits.
 */
export class IndexedHeap<T> {
  private readonly items: T[] = [];

  /**
   * @param key    the number the heap orders by (read on every comparison; call `update` after changing it)
   * @param slot   reads and writes the item's position; -1 means "not in this heap"
   */
  constructor(
    private readonly key: (item: T) => number,
    private readonly slot: { get(item: T): number; set(item: T, index: number): void },
  ) {}

  /** Number of items. */
  get size(): number {
    return this.items.length;
  }

  /** The item with the smallest key, without removing it. */
  peek(): T | undefined {
    return this.items[0];
  }

  /** Whether the item is in this heap. */
  has(item: T): boolean {
    return this.slot.get(item) >= 0;
  }

  /** Adds the item, or moves it if it is already in (after its key changed). */
  update(item: T): void {
    const index = this.slot.get(item);
    if (index < 0) {
      this.items.push(item);
      this.slot.set(item, this.items.length - 1);
      this.up(this.items.length - 1);
    } else {
      this.down(this.up(index));
    }
  }

  /** Removes the item if it is in. */
  delete(item: T): void {
    const index = this.slot.get(item);
    if (index < 0) return;
    this.slot.set(item, -1);
    const last = this.items.pop() as T;
    if (index === this.items.length) return;
    this.items[index] = last;
    this.slot.set(last, index);
    this.down(this.up(index));
  }

  /** Removes and returns the item with the smallest key. */
  pop(): T | undefined {
    const top = this.items[0];
    if (top !== undefined) this.delete(top);
    return top;
  }

  private up(index: number): number {
    const item = this.items[index] as T;
    const k = this.key(item);
    while (index > 0) {
      const parentIndex = (index - 1) >> 1;
      const parent = this.items[parentIndex] as T;
      if (this.key(parent) <= k) break;
      this.place(parent, index);
      index = parentIndex;
    }
    this.place(item, index);
    return index;
  }

  private down(index: number): void {
    const item = this.items[index] as T;
    const k = this.key(item);
    const n = this.items.length;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.key(this.items[right] as T) < this.key(this.items[child] as T)) child = right;
      const c = this.items[child] as T;
      if (this.key(c) >= k) break;
      this.place(c, index);
      index = child;
    }
    this.place(item, index);
  }

  private place(item: T, index: number): void {
    this.items[index] = item;
    this.slot.set(item, index);
  }
}

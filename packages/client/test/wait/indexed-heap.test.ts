import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IndexedHeap } from "../../src/wait.js";

interface Item {
  key: number;
  slot: number;
  readonly name: number;
}

const heapOf = () => new IndexedHeap<Item>((i) => i.key, { get: (i) => i.slot, set: (i, s) => void (i.slot = s) });

/** Removes and returns the item with the smallest key, as the engine takes the next due wait. */
function pop(heap: IndexedHeap<Item>): Item | undefined {
  const top = heap.peek();
  if (top !== undefined) heap.delete(top);
  return top;
}

describe("IndexedHeap", () => {
  it("pops in key order after any mix of inserts, re-keys and deletes", () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), key: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant("rekey" as const), pick: fc.nat(), key: fc.integer({ min: 0, max: 100 }) }),
      fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant("pop" as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const heap = heapOf();
        const model = new Set<Item>();
        let names = 0;
        for (const o of ops) {
          const members = [...model];
          if (o.kind === "add") {
            const item = { key: o.key, slot: -1, name: names++ };
            heap.update(item);
            model.add(item);
          } else if (o.kind === "pop") {
            const least = Math.min(...members.map((m) => m.key));
            const popped = pop(heap);
            expect(popped?.key).toBe(members.length === 0 ? undefined : least);
            if (popped) model.delete(popped);
          } else if (members.length > 0) {
            const item = members[o.pick % members.length] as Item;
            if (o.kind === "rekey") {
              item.key = o.key;
              heap.update(item);
            } else {
              heap.delete(item);
              model.delete(item);
              expect(item.slot).toBe(-1);
            }
          }
          expect(heap.size).toBe(model.size);
        }
        const drained: number[] = [];
        for (let item = pop(heap); item; item = pop(heap)) drained.push(item.key);
        expect(drained).toEqual([...model].map((m) => m.key).sort((a, b) => a - b));
      }),
    );
  });

  it("ignores deleting an item that is not in it", () => {
    const heap = heapOf();
    heap.delete({ key: 1, slot: -1, name: 0 });
    expect(heap.size).toBe(0);
    expect(heap.peek()).toBeUndefined();
  });
});

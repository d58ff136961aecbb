import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { atLeast, buffer, clip, covers, intersect, intersectAll, normalize, overlaps, subtract, totalLength, union, unionAll, type Interval, type IntervalList } from './interval.js';

const iv = (start: number, end: number): Interval => ({ start, end });

/** Reference model: the set of integer points covered (for small coordinates). */
function points(list: readonly Interval[]): Set<number> {
  const out = new Set<number>();
  for (const i of list) for (let t = i.start; t < i.end; t++) out.add(t);
  return out;
}

const arbList = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 12 })), { maxLength: 8 }).map((xs) => normalize(xs.map(([s, l]) => iv(s, s + l))));

function isNormalized(list: IntervalList): boolean {
  return list.every((i, k) => i.end > i.start && (k === 0 || i.start > list[k - 1]!.end));
}

describe('normalize', () => {
  it('sorts, merges overlapping and touching intervals, drops empty ones', () => {
    expect(normalize([iv(5, 7), iv(1, 3), iv(3, 4), iv(6, 9), iv(10, 10)])).toEqual([iv(1, 4), iv(5, 9)]);
  });
});

describe('set operations', () => {
  it('union merges two lists', () => {
    expect(union([iv(1, 3), iv(8, 9)], [iv(2, 5), iv(9, 10)])).toEqual([iv(1, 5), iv(8, 10)]);
  });
  it('intersect keeps the common parts', () => {
    expect(intersect([iv(1, 5), iv(7, 10)], [iv(3, 8)])).toEqual([iv(3, 5), iv(7, 8)]);
  });
  it('subtract cuts holes and trims ends', () => {
    expect(subtract([iv(0, 10), iv(12, 20)], [iv(-5, 1), iv(3, 4), iv(9, 13), iv(19, 30)])).toEqual([iv(1, 3), iv(4, 9), iv(13, 19)]);
  });
  it('clip restricts to a window', () => {
    expect(clip([iv(0, 5), iv(8, 12)], iv(3, 10))).toEqual([iv(3, 5), iv(8, 10)]);
  });
  it('buffer pads each interval and merges the ones that now touch', () => {
    expect(buffer([iv(10, 20), iv(25, 30), iv(50, 60)], 3)).toEqual([iv(7, 33), iv(47, 63)]);
    expect(buffer([iv(10, 20)], 0, 5)).toEqual([iv(10, 25)]);
  });
  it('atLeast filters by duration', () => {
    expect(atLeast([iv(0, 2), iv(5, 10)], 3)).toEqual([iv(5, 10)]);
  });
  it('covers and overlaps answer by binary search', () => {
    const list = [iv(0, 10), iv(20, 30)];
    expect(covers(list, 2, 10)).toBe(true);
    expect(covers(list, 8, 21)).toBe(false);
    expect(overlaps(list, 10, 20)).toBe(false);
    expect(overlaps(list, 15, 21)).toBe(true);
    expect(totalLength(list)).toBe(20);
  });
  it('unionAll and intersectAll fold many lists', () => {
    expect(unionAll([[iv(0, 1)], [iv(1, 2)], [iv(5, 6)]])).toEqual([iv(0, 2), iv(5, 6)]);
    expect(intersectAll([[iv(0, 10)], [iv(2, 8)], [iv(5, 20)]])).toEqual([iv(5, 8)]);
  });
});

describe('set operations agree with a point-set model', () => {
  it('union / intersect / subtract / buffer', () => {
    fc.assert(
      fc.property(arbList, arbList, fc.integer({ min: 0, max: 3 }), (a, b, pad) => {
        const pa = points(a);
        const pb = points(b);
        for (const [result, expected] of [
          [union(a, b), new Set([...pa, ...pb])],
          [intersect(a, b), new Set([...pa].filter((t) => pb.has(t)))],
          [subtract(a, b), new Set([...pa].filter((t) => !pb.has(t)))],
          [buffer(a, pad), points(a.map((i) => iv(i.start - pad, i.end + pad)))],
        ] as const) {
          expect(isNormalized(result)).toBe(true);
          expect([...points(result)].sort((x, y) => x - y)).toEqual([...expected].sort((x, y) => x - y));
        }
      }),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AddableKind, nextRecordId, RecordIdAllocator } from '../../src/model/ids.js';

describe('nextRecordId', () => {
  it.each([
    ['incidents', '2020-01-31', [], 'inc-2020-01-31-1'],
    ['incidents', '2020-01-31', ['inc-2020-01-31-1', 'inc-2020-01-31-2'], 'inc-2020-01-31-3'],
    // A deleted record's number is not given out again: the count of the day goes on.
    ['incidents', '2020-01-31', ['inc-2020-01-31-1', 'inc-2020-01-31-7'], 'inc-2020-01-31-8'],
    ['incidents', '2020-01-31', ['inc-2020-01-30-4', 'act-2020-01-31-1', 'inc-2020-01-31-x'], 'inc-2020-01-31-1'],
    ['activities', '2020-02-05', ['act-2020-02-05-1'], 'act-2020-02-05-2'],
    ['questions', '2020-01-22', ['q-2020-01-22-1', 'q-2020-01-22-2', 'q-2020-01-22-3'], 'q-2020-01-22-4'],
    ['meetings', '2020-01-22', [], 'mtg-2020-01-22'],
    ['meetings', '2020-01-22', ['mtg-2020-01-22'], 'mtg-2020-01-22-2'],
    ['meetings', '2020-01-22', ['mtg-2020-01-22', 'mtg-2020-01-22-2'], 'mtg-2020-01-22-3'],
  ] as const)('%s on %s with %j → %s', (kind, date, taken, expected) => {
    expect(nextRecordId(kind, date, new Set(taken))).toBe(expected);
  });

  it('never gives an id that is taken, and adding one after another never repeats', () => {
    const kinds: AddableKind[] = ['incidents', 'activities', 'questions', 'meetings'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...kinds), fc.constantFrom('2020-01-01', '2020-01-02')), { maxLength: 60 }),
        fc.array(
          fc.constantFrom(
            'inc-2020-01-01-1',
            'inc-2020-01-01-3',
            'mtg-2020-01-01',
            'mtg-2020-01-01-2',
            'q-2020-01-02-9',
            'act-2020-01-01-2',
          ),
          { maxLength: 6 },
        ),
        (adds, existing) => {
          const taken = new Set<string>(existing);
          for (const [kind, date] of adds) {
            const id = nextRecordId(kind, date, taken);
            expect(taken.has(id)).toBe(false);
            expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
            taken.add(id);
          }
        },
      ),
    );
  });
});

describe('RecordIdAllocator', () => {
  it('gives the ids nextRecordId gives one after another, for every kind and period', () => {
    const kinds: AddableKind[] = ['incidents', 'meetings', 'priorities', 'surveys', 'list_status'];
    const periodOf = (kind: AddableKind, pick: number) =>
      kind === 'priorities'
        ? ['2020-Q1', '2020-Q2'][pick]!
        : kind === 'surveys' || kind === 'list_status'
          ? ['2020', '2021'][pick]!
          : ['2020-01-01', '2020-01-02'][pick]!;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...kinds), fc.integer({ min: 0, max: 1 })), { maxLength: 60 }),
        fc.array(
          fc.constantFrom(
            'inc-2020-01-01-1',
            'inc-2020-01-01-3',
            'mtg-2020-01-01',
            'mtg-2020-01-01-2',
            'list-2020',
            'list-2020-5',
            'srv-2020-2',
            'pri-2020-Q1-1',
            'srv-2020-vaerebro',
          ),
          { maxLength: 8 },
        ),
        (adds, existing) => {
          const taken = new Set<string>(existing);
          const allocator = new RecordIdAllocator(existing);
          for (const [kind, pick] of adds) {
            const expected = nextRecordId(kind, periodOf(kind, pick), taken);
            taken.add(expected);
            expect(allocator.next(kind, periodOf(kind, pick))).toBe(expected);
          }
        },
      ),
    );
  });
});

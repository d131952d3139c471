import type { Dataset, InArea } from '../model/dataset.js';
import type { ListKind } from '../model/ids.js';
import { compareQuarters, parseQuarter, type Quarter, quarterOf } from '../model/quarters.js';
import { isOpenQuestion, type RecordOf } from '../model/schema.js';

// What `borgermode list` shows (docs/data-entry.md, "See what is there"): the records of one
// kind, filtered as people ask ("which questions are still open?", "what is planned?"), in date
// order. The records as the project holds them, for the team: nothing is suppressed.

export interface ListFilter {
  area?: string;
  /** Dated records of the quarter; priorities active in it; surveys and list status of its year. */
  quarter?: Quarter;
  /** Questions still waiting for their answer (open or in_progress); priorities still active. */
  open?: boolean;
  /** Activities planned; meetings from `today` on. */
  planned?: boolean;
  /** YYYY-MM-DD, for `planned` meetings. */
  today: string;
}

/** The kinds each yes/no filter applies to: given with another kind, it is a usage error. */
export const FILTER_KINDS = {
  open: ['questions', 'priorities'],
  planned: ['activities', 'meetings'],
} as const satisfies Record<'open' | 'planned', readonly ListKind[]>;

export type Listed<K extends ListKind> = InArea<RecordOf<K>>;

/** The records of `kind` that pass `filter`, in date order (then by id). */
export function listRecords<K extends ListKind>(dataset: Dataset, kind: K, filter: ListFilter): Listed<K>[] {
  const records = dataset[kind] as Listed<K>[];
  return records
    .filter((record) => (filter.area === undefined || record.area === filter.area) && passes(kind, record, filter))
    .sort((a, b) => compareKeys(sortKey(kind, a), sortKey(kind, b)) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function passes(kind: ListKind, record: Listed<ListKind>, filter: ListFilter): boolean {
  const r = record as { status?: string; date?: string };
  if (filter.open && kind === 'questions' && !isOpenQuestion(r.status)) return false;
  if (filter.open && kind === 'priorities' && r.status !== 'active') return false;
  if (filter.planned && kind === 'activities' && r.status !== 'planned') return false;
  if (filter.planned && kind === 'meetings' && r.date! < filter.today) return false;
  return filter.quarter === undefined || inQuarter(kind, record, filter.quarter);
}

function inQuarter(kind: ListKind, record: Listed<ListKind>, quarter: Quarter): boolean {
  if (kind === 'priorities') {
    const { from, to } = record as Listed<'priorities'>;
    return compareQuarters(parseQuarter(from)!, quarter) <= 0 && (to === undefined || compareQuarters(quarter, parseQuarter(to)!) <= 0);
  }
  if (kind === 'surveys' || kind === 'list_status') return (record as Listed<'surveys'>).year === quarter.year;
  const q = quarterOf((record as Listed<'incidents'>).date);
  return q.year === quarter.year && q.quarter === quarter.quarter;
}

/** What a record is ordered by: its date (a meeting's with its time), a priority's first quarter, a figure's year. */
function sortKey(kind: ListKind, record: Listed<ListKind>): string {
  switch (kind) {
    case 'priorities':
      return (record as Listed<'priorities'>).from;
    case 'surveys':
    case 'list_status':
      return String((record as Listed<'surveys'>).year);
    case 'meetings': {
      const meeting = record as Listed<'meetings'>;
      return `${meeting.date} ${meeting.time ?? ''}`;
    }
    default:
      return (record as Listed<'incidents'>).date;
  }
}

const compareKeys = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

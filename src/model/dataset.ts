import type { OfficialSeries } from './official.js';
import type { Grouping } from './category-groups.js';
import type { Category } from './categories.js';
import type { YamlPath } from './finding.js';
import type {
  Activity,
  Area,
  Incident,
  ListStatus,
  Meeting,
  Priority,
  Question,
  RecordKind,
  RecordOf,
  Settings,
  Survey,
} from './schema.js';

/** A record whose area is resolved (the only area of the project when the record names none). */
export type InArea<T> = Omit<T, 'area'> & { area: string };

/** The checked data of a project: what every command after `load` works on. */
export interface Dataset {
  root: string;
  settings: Settings;
  areas: Area[];
  /** Built-in categories in their order, then the project's own (public output: and the groups in use). */
  categories: Category[];
  /** Public output only: the grouping level of each area's categories (analyze/audience.ts). */
  grouping?: ReadonlyMap<string, Grouping>;
  incidents: InArea<Incident>[];
  activities: InArea<Activity>[];
  questions: InArea<Question>[];
  meetings: InArea<Meeting>[];
  priorities: InArea<Priority>[];
  surveys: InArea<Survey>[];
  list_status: InArea<ListStatus>[];
  /** Danmarks Statistik's series kept in the project's official/ folder, when it has them (docs/official.md). */
  official?: OfficialSeries;
}

/**
 * A record as the cross-record checks see it: where it stands, and the fields that passed their
 * own checks (defaults applied). A field that was wrong is absent, so rules check each one they use.
 */
export interface RecordEntry<K extends RecordKind = RecordKind> {
  kind: K;
  file: string;
  readonly path: YamlPath;
  record: Partial<RecordOf<K>>;
}

/** A RecordEntry that makes its path only when a finding asks for it: one object per record, of a million. */
export class PlacedRecord<K extends RecordKind = RecordKind> implements RecordEntry<K> {
  constructor(
    readonly kind: K,
    readonly file: string,
    readonly index: number,
    readonly record: Partial<RecordOf<K>>,
  ) {}

  get path(): YamlPath {
    return [this.kind, this.index];
  }
}

export type EntriesByKind = { [K in RecordKind]: RecordEntry<K>[] };

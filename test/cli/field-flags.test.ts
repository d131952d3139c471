import { describe, expect, it } from 'vitest';
import { recordFieldFlags } from '../../src/cli/field-flags.js';
import { ACTIVITY_KINDS } from '../../src/model/schema.js';
import { RECORD_FIELDS } from '../../src/model/vocabulary.js';
import { runCli } from '../helpers/run-cli.js';

// src/cli/field-flags.ts: add's flags and their help, derived from the record vocabulary.
describe('recordFieldFlags', () => {
  const flags = new Map(recordFieldFlags('en'));

  it('has one flag per field of any kind, with its value placeholder', () => {
    const keys = new Set(Object.values(RECORD_FIELDS).flatMap((fields) => fields.map((f) => f.key)));
    expect(flags.size).toBe(keys.size);
    expect(flags.has('--internal-note <text>')).toBe(true);
    expect(flags.has('--rumour')).toBe(true);
  });

  it('words a field of every kind plainly, names the kinds of a shared one, and each kind where the words differ', () => {
    expect(flags.get('--internal-note <text>')).toBe('a note that never appears in public output');
    expect(flags.get('--date <date>')).toBe('incident, activity, question, meeting: the date, YYYY-MM-DD');
    expect(flags.get('--zone <zone>')).toBe('incident, question: one of the area zones');
    expect(flags.get('--status <status>')).toBe(
      'incident: the status of the case: reported, charged, closed; activity: the status of the activity: done, planned, cancelled; question: the status of the question: open, in_progress, answered, referred, closed; priority: the status of the priority: active, achieved, dropped; list-status: the status on the list of 1 December: none, prevention_area, vulnerable, parallel_society, transformation_area',
    );
  });

  it('lists the values of a field from a fixed list, so a new one shows in --help', () => {
    expect(flags.get('--kind <kind>')).toBe(`activity: the kind of activity: ${ACTIVITY_KINDS.join(', ')}`);
  });

  it('is what `add --help` shows', async () => {
    const result = await runCli(['add', '--help', '--lang', 'en']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.replace(/\s+/g, ' ')).toContain(
      '--owner <owner> question: who is to answer: police, municipality, housing, helhedsplan, other',
    );
  });

  it('is worded in Danish too', () => {
    expect(new Map(recordFieldFlags('da')).get('--zone <zone>')).toBe('incident, question: en af områdets zoner');
  });
});

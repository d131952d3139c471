import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findRecord, projectState } from '../../src/edit/project-state.js';
import { readProject } from '../../src/load/load-project.js';
import { tempDir } from '../helpers/temp-project.js';

// src/edit/project-state.ts: what add and answer know of a project before they write, made from a
// reading of it (each file checked on its own), broken records and files included.
describe('projectState', () => {
  const now = new Date('2020-04-20T12:00:00Z');
  const project = (files: Record<string, string>) => {
    const root = tempDir();
    for (const [path, text] of Object.entries({ 'borgermode.yaml': 'areas:\n  - id: a\n    name: A\n', ...files })) {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };
  const stateOf = async (root: string) => projectState(await readProject({ root, now }));

  it('summarizes every record of every file, ids of broken records included', async () => {
    const root = project({
      '2020/incidents.yaml':
        'incidents:\n  - id: inc-2020-01-05-1\n    date: 2020-01-05\n    category: theft\n  - id: inc-2020-01-06-1\n    date: 2020-01-06\n    category: theftt\n',
      'questions.yaml': 'questions:\n  - id: "q 1"\n    date: 2020-01-05\n    question: Hvornår?\n  - 12\n',
    });
    const state = await stateOf(root);
    expect(state.settings?.areas.map((a) => a.id)).toEqual(['a']);
    expect(state.files.map((f) => [f.file, f.readable])).toEqual([
      ['2020/incidents.yaml', true],
      ['questions.yaml', true],
    ]);
    const incidents = state.files[0]!.records.incidents!;
    // A record whose category failed keeps its other fields.
    expect(incidents.map((r) => [r.id, r.date])).toEqual([
      ['inc-2020-01-05-1', '2020-01-05'],
      ['inc-2020-01-06-1', '2020-01-06'],
    ]);
    // An id that failed its own check still names its record; a record that is not a mapping is an empty one.
    const questions = state.files[1]!.records.questions!;
    expect(questions.map((q) => [q.id, q.question])).toEqual([
      ['q 1', 'Hvornår?'],
      [undefined, undefined],
    ]);
    expect([...state.ids].sort()).toEqual(['inc-2020-01-05-1', 'inc-2020-01-06-1', 'q 1']);
    expect(findRecord(state, 'questions', 'q 1')).toMatchObject({ file: 'questions.yaml', index: 0 });
    expect(findRecord(state, 'questions', 'q 2')).toBeUndefined();
  });

  it('marks a file that is not YAML records as not readable (never appended to), and keeps going', async () => {
    const state = await stateOf(project({ 'a.yaml': 'incidents: [\n', 'b.yaml': '- just a list\n', 'c.yaml': '# only a comment\n' }));
    expect(state.files.map((f) => [f.file, f.readable])).toEqual([
      ['a.yaml', false],
      ['b.yaml', false],
      ['c.yaml', true],
    ]);
  });

  it('has no settings when borgermode.yaml has errors, its findings kept to print', async () => {
    const root = project({ 'borgermode.yaml': 'areas:\n  - id: a\n    name: A\n    residents: many\n' });
    const state = await stateOf(root);
    expect(state.settings).toBeUndefined();
    expect(state.settingsFindings.map((f) => f.code)).toEqual(['invalid-value']);
  });
});

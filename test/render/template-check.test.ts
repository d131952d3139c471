import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { HELPER_NAMES } from '../../src/render/handlebars.js';
import { checkTemplate, findUnclosed } from '../../src/render/template-check.js';

const HELPERS = [...HELPER_NAMES, 'each', 'if', 'unless', 'with', 'lookup', 'helperMissing', 'blockHelperMissing'];
const check = (source: string, partials: string[] = ['brief-style']) =>
  checkTemplate(Handlebars.parseWithoutProcessing(source), 'own.hbs', { helpers: HELPERS, partials }).map(
    (f) => `${f.line}:${f.column} ${f.code} ${f.params.key as string}`,
  );

describe('checkTemplate', () => {
  it.each([
    ['reading fields, with or without a block', '{{title}} {{#follow_ups}}{{id}}{{/follow_ups}} {{@root.lang}} {{../x}} {{this}}', []],
    [
      "borgermode's and Handlebars' helpers",
      '{{t "about"}} {{#each rows}}{{cell label}}{{/each}} {{#if (eq a b)}}{{/if}} {{lookup . "x"}} {{md x}}',
      [],
    ],
    [
      'a helper name never called, only read (hook names are not helpers)',
      '{{helperMissing x}}',
      ['1:3 template-unknown-helper helperMissing'],
    ],
    [
      'a path with arguments, which no view model can answer',
      '{{this.title x}} {{a.b c}}',
      ['1:3 template-unknown-helper this.title', '1:20 template-unknown-helper a.b'],
    ],
    ['a hash alone calls a helper too', '{{shout level=2}}', ['1:3 template-unknown-helper shout']],
    // A helper wins over a field of its name: the site's index once linked to href="[object Object]" with {{md}}.
    [
      'a helper name alone, which calls the helper instead of reading the field',
      '{{md}} {{#each rows}}{{date}}{{/each}} {{this.md}} {{./date}}',
      ['1:3 template-helper-without-argument md', '1:24 template-helper-without-argument date'],
    ],
    ['partials defined in the template itself', '{{#*inline "row"}}x{{/inline}}{{> row}}', []],
    ['a partial block has its fallback', '{{#> missing}}fallback{{/missing}}', []],
    ['a dynamic partial is only known when rendering', '{{> (lookup . "name")}}', []],
    [
      'partials named by path or as a string',
      '{{> nope}}\n{{> "nah"}}',
      ['1:5 template-unknown-partial nope', '2:5 template-unknown-partial nah'],
    ],
    ['a text key written out, and one that is not', '{{t "nope"}} {{t key}}', ['1:5 template-unknown-text nope']],
  ])('%s', (_, source, expected) => {
    expect(check(source)).toEqual(expected);
  });

  // The defaults compile from text in tests and from source in scripts/bundle.mjs: they must pass.
  it('finds nothing in the default templates and partials', () => {
    const dir = join(import.meta.dirname, '../../templates');
    const partials = readdirSync(join(dir, 'partials')).map((name) => name.replace(/\.hbs$/, ''));
    const files = [...readdirSync(dir).filter((name) => name.endsWith('.hbs')), ...partials.map((name) => `partials/${name}.hbs`)];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files)
      expect(
        checkTemplate(Handlebars.parseWithoutProcessing(readFileSync(join(dir, file), 'utf8')), file, { helpers: HELPERS, partials }),
        file,
      ).toEqual([]);
  });
});

describe('findUnclosed', () => {
  it.each([
    ['a block left open', 'a\n{{#if x}}\n{{#each y}}{{/each}}\n', { kind: 'block', name: 'if', line: 2, column: 1 }],
    ['the innermost block left open', '{{#if x}}\n  {{#each y}}\n', { kind: 'block', name: 'each', line: 2, column: 3 }],
    ['an inverse section and a partial block count as blocks', '{{^a}}{{/a}}{{#> p}}\n', { kind: 'block', name: 'p', line: 1, column: 13 }],
    ['a tag left open', 'a {{#if x}}\n  {{title\n', { kind: 'tag', line: 2, column: 3 }],
    [
      'a block inside a comment does not count',
      '{{!-- {{#if x}} --}}{{! {{#each}} }}{{#with a}}',
      { kind: 'block', name: 'with', line: 1, column: 37 },
    ],
    ['whitespace control and else', '{{~#if x~}}{{else}}{{~/if}}{{#unless y}}', { kind: 'block', name: 'unless', line: 1, column: 28 }],
    ['nothing to point at', '{{#if x}}{{/if}}', undefined],
  ])('%s', (_, source, expected) => {
    expect(findUnclosed(source)).toEqual(expected);
  });
});

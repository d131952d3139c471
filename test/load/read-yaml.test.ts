import { describe, expect, it } from 'vitest';
import { MAX_ALIAS_CHARS, parseYaml } from '../../src/load/read-yaml.js';
import { messageText } from '../../src/model/messages.js';

// YAML aliases are bounded in count and in the text they add when written out (docs/data-format.md#files), refused at the alias that passes the bound.

/** The findings of parsing, as `line:col code message` (English), or the data. */
async function parse(text: string): Promise<unknown> {
  const result = await parseYaml(text, 'x.yaml');
  return result.findings.length > 0
    ? result.findings.map((f) => `${f.line}:${f.column} ${f.code} ${messageText(f.code, f.params, 'en')}`)
    : result.data;
}

const records = (first: string, rest: string, n: number) =>
  `incidents:\n  - zone: ${first}\n${Array.from({ length: n }, () => `  - zone: ${rest}\n`).join('')}`;

describe('YAML aliases', () => {
  it('600 aliases of a 1 MiB text are refused at the alias that passes 1 MiB, not written out to 600 MiB', async () => {
    const big = 'a'.repeat(MAX_ALIAS_CHARS);
    expect(await parse(records(`&big "${big}"`, '*big', 600))).toEqual([
      '4:11 yaml-aliases YAML aliases too large when written out: over 1 MiB of text (this looks like an attack to exhaust memory); write the values out instead of using anchors and aliases',
    ]);
  });

  it('more than 100 aliases of a short text are refused at the 101st', async () => {
    expect(await parse(records('&z Blok 1-4', '*z', 101))).toEqual([
      expect.stringMatching(/^103:11 yaml-aliases too many YAML aliases: over 100 expansions /),
    ]);
    expect(await parse(records('&z Blok 1-4', '*z', 100))).toEqual({
      incidents: Array.from({ length: 101 }, () => ({ zone: 'Blok 1-4' })),
    });
  });

  it('a "billion laughs" file is refused where its count passes 100, without being expanded', async () => {
    const levels = 'abcdefghi'.split('');
    const text = levels
      .map(
        (name, i) =>
          `${name}: &${name} [${
            i === 0
              ? Array(9).fill('"lol"').join(', ')
              : Array(9)
                  .fill(`*${levels[i - 1]}`)
                  .join(', ')
          }]`,
      )
      .join('\n');
    expect(await parse(`${text}\nincidents: *i\n`)).toEqual([
      expect.stringMatching(/^4:8 yaml-aliases too many YAML aliases: over 100 expansions/),
    ]);
  });

  it('an alias inside the node it names, and aliases hidden after a JSON-like key, are caught too', async () => {
    expect(await parse('incidents: &a [*a]\n')).toEqual([expect.stringMatching(/^1:16 yaml-aliases too many YAML aliases/)]);
    const big = 'b'.repeat(MAX_ALIAS_CHARS / 2 + 1);
    expect(await parse(`{"incidents": [{"zone":&x "${big}"}, {"zone":*x}, {"zone":*x}]}\n`)).toEqual([
      expect.stringMatching(/^1:\d+ yaml-aliases YAML aliases too large when written out/),
    ]);
  });

  it('a few aliases, and text with "*" and "&" that holds none, read as before', async () => {
    expect(await parse('incidents:\n  - zone: &z Blok 1-4\n    summary: "**Q&A** & *mere*"\n  - zone: *z\n')).toEqual({
      incidents: [{ zone: 'Blok 1-4', summary: '**Q&A** & *mere*' }, { zone: 'Blok 1-4' }],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { label, listStatusLabel } from '../../src/render/i18n.js';
import { choiceName } from '../../src/cli/messages.js';

describe('labels of values people name', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    '%s is its own name, never a property of Object',
    (name) => {
      expect(label('da', 'measure', name)).toBe(name);
      expect(label('en', 'kind', name)).toBe(name);
      expect(listStatusLabel('da', name, 2020)).toBe(name);
      expect(choiceName('da', 'source', name)).toBe(name);
    },
  );

  it('a known value still has its label', () => {
    expect(label('da', 'measure', 'safe_share')).toBe('Andel, der føler sig trygge');
    expect(listStatusLabel('en', 'vulnerable', 2022)).toBe('vulnerable housing area');
    expect(choiceName('en', 'source', 'police')).toBe('Police (reported) (police)');
  });
});

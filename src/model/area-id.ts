// The id `init` and `add area` give an area from its name (docs/data-entry.md).

/** "Værebro Park" → "vaerebro-park": a-z, 0-9 and "-", as area ids must be. */
export function areaIdOf(name: string): string {
  const id = name
    .toLowerCase()
    // æ, ø, å written as escapes: the bundle stays ASCII (test/scripts/bundle.test.ts).
    .replace(/\u00e6/g, 'ae')
    .replace(/\u00f8/g, 'oe')
    .replace(/\u00e5/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return id === '' ? 'area' : id;
}

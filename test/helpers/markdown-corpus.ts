// Record text that would run or load something if a Markdown renderer that does not sanitise
// (marked, an editor preview) met it as written, and the inline Markdown people write, which
// must keep working. Every hostile entry sets window.__pwned or asks example.org for something.

/** Texts that must come out as text (their HTML shown, their links not links). */
export const HOSTILE_TEXTS: readonly string[] = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '<img src="https://example.org/pwned.png">',
  '<svg onload="window.__pwned = \'svg\'"></svg>',
  '<iframe src="https://example.org/frame"></iframe>',
  '<details open ontoggle="window.__pwned = \'toggle\'">',
  '<style>body { background: url(https://example.org/style.png) }</style>',
  '<a href="javascript:window.__pwned=1">klik</a>',
  '[klik](javascript:window.__pwned=1)',
  '[klik](JaVaScRiPt:window.__pwned=1)',
  '[data](data:text/html,<script>window.__pwned=1</script>)',
  '![billede](https://example.org/image.png)',
  '<javascript:window.__pwned=1>',
  '<!-- skjult --> efter en kommentar',
  // A backslash before raw HTML: escaping the < alone would leave an escaped backslash and a live tag.
  '\\<img src=x onerror=window.__pwned=1//>',
  '&lt;script&gt; skrevet som entiteter',
  // A code span that starts in one text and ends in the next would swallow the escapes between.
  'en enlig ` backtick',
  '`[klik](javascript:window.__pwned=1)` i kode',
  '`<img src=x onerror=window.__pwned=1>` i kode',
  'a | b i en celle',
  'linje\n# overskrift\n> citat\n- punkt\n<img src=x onerror=window.__pwned=1>',
  'linje\r<img src=x onerror=window.__pwned=1>',
  '[ref]: javascript:window.__pwned=1',
];

/** Inline Markdown that keeps working, and the HTML marked makes of it. */
export const KEPT_MARKDOWN: readonly [string, string][] = [
  ['*fremhævet*', '<em>fremhævet</em>'],
  ['**fed**', '<strong>fed</strong>'],
  ['[politi](https://politi.dk)', '<a href="https://politi.dk">politi</a>'],
];

/** How texts may begin, to be tried at the start of a line. */
export const LINE_STARTS: readonly string[] = [
  '# ',
  '> ',
  '- ',
  '+ ',
  '* ',
  '=== ',
  '--- ',
  '``` ',
  '~~~ ',
  '<div onclick="x"> ',
  '[ref]: https://example.org/ ',
];

/** The elements and links of an HTML fragment that marked made; what it may hold from escaped text is listed in `allowed`. */
export function htmlProblems(html: string, allowed: readonly string[] = ['p', 'em', 'strong', 'del', 'code', 'a', 'br']): string[] {
  const problems: string[] = [];
  for (const [tag, name, attributes] of html.matchAll(/<\/?([a-zA-Z][\w-]*)([^>]*)>/g)) {
    if (!allowed.includes(name!.toLowerCase())) problems.push(`element: ${tag}`);
    else if (/\son\w+\s*=|\ssrc\s*=|\sstyle\s*=/i.test(attributes!)) problems.push(`attribute: ${tag}`);
    else if (name === 'a' && !/^\s*(href="(https?:|mailto:)[^"]*"(\s+title="[^"]*")?)?\s*$/i.test(attributes!))
      problems.push(`link: ${tag}`);
  }
  return problems;
}

import { decodeHTML } from 'entities';
import { foldText, MAY_FOLD } from './personal-data.js';
import { inlineHtml } from './inline-html.js';

// A text as the reader of public output sees it (docs/privacy.md "Where it is looked for"): the
// personal-data check looks at these forms as well as at the text as written, so that Markdown,
// entities, escapes and percent-encoding cannot hide a CPR number or an e-mail address that the
// page then shows ("010190&#45;1234", "0101**90**-1234", "[skriv](mailto:navn%40example.dk)").
// Loaded by the checks only for a text that model/personal-data.ts MAY_READ_OTHERWISE lets through
// (marked and the sanitiser cost ~10 ms to set up).

/**
 * The forms of `text` a reader of public output sees, where they differ from it: the text of its
 * inline Markdown as a browser shows it (tags gone, entities decoded), and each link's target and
 * title, entities and percent-encoding decoded; each also folded as a reader reads its characters
 * (model/personal-data.ts foldText). The text itself is folded by the checks, without marked.
 */
export function readerForms(text: string): string[] {
  const html = inlineHtml(text.replace(/\s*[\r\n]\s*/g, ' '));
  const forms = [decodeHTML(html.replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, ''))];
  for (const [, value] of html.matchAll(/\s(?:href|title)="([^"]*)"/g)) forms.push(decodePercent(decodeHTML(value!)));
  const all = new Set<string>();
  for (const form of forms) {
    all.add(form);
    if (MAY_FOLD.test(form)) all.add(foldText(form));
  }
  all.delete(text);
  return [...all];
}

/** Percent-encoding decoded as a mail program or browser would, again while it changes (at most three times); a broken sequence byte by byte. */
function decodePercent(value: string): string {
  let text = value;
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(text); round++) {
    text = text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run.replace(/%([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
      }
    });
  }
  return text;
}

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { HtmlValidate, Parser, StaticConfigLoader } from 'html-validate';

// The links of a built site as a reader follows them: every relative href and src of every HTML
// page, parsed by html-validate's HTML parser, must name a file of the site (and an id there, for
// a #fragment into an HTML page). Links out of the site are left alone.

/** Addresses that leave the site: the web, mail and phone, and data: URIs (the inline images). */
const EXTERNAL = /^(?:https?:|mailto:|tel:|data:|\/\/)/i;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** An attribute's text as the browser reads it: html-validate gives it with its character references. */
function decodeReferences(text: string): string {
  return text.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi,
    (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : (NAMED[name!.toLowerCase()] ?? whole),
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Every file of the site, as paths relative to it with `/`. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export interface SiteLinks {
  /** The HTML pages read, relative to the site. */
  pages: string[];
  /** The files of the site the links lead to. */
  targets: Set<string>;
  /** One line per link that does not resolve: `page:line attribute="value": why`. */
  broken: string[];
}

/** Follows every relative href and src of every HTML page of the site in `dir`. */
export async function checkSiteLinks(dir: string): Promise<SiteLinks> {
  const root = resolve(dir);
  const config = await new HtmlValidate(new StaticConfigLoader()).getConfigFor('page.html');
  const pages = siteFiles(root).filter((file) => /\.html?$/i.test(file));
  const ids = new Map<string, Set<string>>();
  const parse = (page: string) => new Parser(config).parseHtml(readFileSync(join(root, page), 'utf8'));
  const idsOf = (page: string) => {
    if (!ids.has(page))
      ids.set(
        page,
        new Set(
          parse(page)
            .querySelectorAll('[id]')
            .map((element) => element.id ?? ''),
        ),
      );
    return ids.get(page)!;
  };
  const broken: string[] = [];
  const targets = new Set<string>();
  for (const page of pages) {
    for (const element of parse(page).querySelectorAll('[href], [src]')) {
      for (const attribute of ['href', 'src']) {
        const raw = element.getAttributeValue(attribute);
        if (raw === null) continue;
        const value = decodeReferences(raw).trim();
        const where = `${page}:${element.location.line} ${attribute}="${raw}"`;
        if (EXTERNAL.test(value)) continue;
        if (SCHEME.test(value)) {
          broken.push(`${where}: a scheme that is neither http(s), mailto, tel nor data`);
          continue;
        }
        if (value.startsWith('/')) {
          broken.push(`${where}: an absolute path, which breaks when the site is served from a sub-folder`);
          continue;
        }
        const [pathAndQuery = '', fragment] = value.split('#', 2);
        const path = pathAndQuery.split('?', 1)[0]!;
        let target: string;
        try {
          target =
            path === ''
              ? page
              : relative(root, resolve(root, dirname(page), decodeURIComponent(path)))
                  .split(sep)
                  .join('/');
        } catch {
          broken.push(`${where}: not a valid URL path`);
          continue;
        }
        if (target === '..' || target.startsWith('../')) {
          broken.push(`${where}: outside the site`);
          continue;
        }
        if (!isFile(join(root, target))) {
          broken.push(`${where}: no file ${target || '.'} in the site`);
          continue;
        }
        targets.add(target);
        if (fragment && /\.html?$/i.test(target) && !idsOf(target).has(decodeURIComponent(fragment)))
          broken.push(`${where}: no id "${fragment}" in ${target}`);
      }
    }
  }
  return { pages, targets, broken };
}

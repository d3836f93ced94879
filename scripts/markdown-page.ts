/**
 * An Open Terms Archive Markdown document rendered as a plain web page, so page detection can be measured on
 * documents of every type (tests/corpus/detect-ota.test.ts, scripts/audit-marks.ts). Headings, paragraphs,
 * lists, tables, links, emphasis; all text HTML-escaped. A Node tool: nothing here ships.
 *
 * The page says nothing about its type beyond its own text: the <title> is the document's first heading
 * (what a site would put there), or the service name when it has none; the URL is neutral
 * (`neutralUrl`: the service's name as host, a hash of the file path as path), so a file name such as
 * "Brand Guidelines.md" never reaches the detector.
 * @module
 */
import { createHash } from 'node:crypto';

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Inline Markdown → HTML: links, bold, italics, code; the rest escaped. */
function inline(s: string): string {
  let out = '';
  let rest = s.replace(/<br\s*\/?>/gi, '\n');
  const link = /!?\[([^\]]*)\]\(((?:[^()\s]|\([^()]*\))*)(?:\s+"[^"]*")?\)/;
  for (let m = link.exec(rest); m; m = link.exec(rest)) {
    out += emphasis(escape(rest.slice(0, m.index)));
    out += m[0].startsWith('!')
      ? escape(m[1]!)
      : `<a href="${escape(/^(?:https?:|mailto:|#|\/)/.test(m[2]!) ? m[2]! : '#')}">${emphasis(escape(m[1]!))}</a>`;
    rest = rest.slice(m.index + m[0].length);
  }
  return (out + emphasis(escape(rest))).replace(/\n/g, '<br>');
}

function emphasis(s: string): string {
  return s
    .replace(
      /\*\*(.+?)\*\*|__(.+?)__/g,
      (_, a: string | undefined, b: string | undefined) => `<strong>${a ?? b}</strong>`,
    )
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>')
    .replace(/`([^`]*)`/g, '<code>$1</code>');
}

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const LIST = /^(\s*)([-*+•]|\d{1,3}[.)])\s+(.*)$/;
const TABLE_SEP = /^\s*\|?\s*:?-{3,}/;
const SETEXT = /^\s{0,3}(=+|-+)\s*$/;

function cells(line: string): string[] {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** The `<body>` markup of a Markdown document, and its first heading's text. */
export function markdownToHtml(md: string): { body: string; firstHeading: string | null } {
  const lines = md.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let firstHeading: string | null = null;
  let para: string[] = [];
  const lists: { indent: number; tag: 'ul' | 'ol' }[] = [];
  const closeLists = (to = 0) => {
    while (lists.length > to) out.push(`</li></${lists.pop()!.tag}>`);
  };
  const flush = () => {
    if (para.length) out.push(`<p>${inline(para.join(' '))}</p>`);
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim()) {
      flush();
      continue;
    }
    // A Setext heading: "Title" over a line of "=" (h1) or "-" (h2), as most converted pages write them.
    const setext =
      para.length === 0 && !lists.length && !/^\s*[|#]/.test(line) && !LIST.test(line)
        ? SETEXT.exec(lines[i + 1] ?? '')
        : null;
    const h =
      HEADING.exec(line) ?? (setext ? [line, setext[1]!.startsWith('=') ? '#' : '##', line.trim()] : null);
    if (setext) i++;
    if (h) {
      flush();
      closeLists();
      const text = h[2]!;
      if (firstHeading === null) firstHeading = text.replace(/[*_`[\]]|\(.*?\)/g, '').trim();
      out.push(`<h${h[1]!.length}>${inline(text)}</h${h[1]!.length}>`);
      continue;
    }
    if (/^\s*\|/.test(line)) {
      flush();
      closeLists();
      const rows: string[][] = [];
      let header: string[] | null = null;
      let j = i;
      for (; j < lines.length && /^\s*\|/.test(lines[j]!); j++) {
        if (TABLE_SEP.test(lines[j]!)) {
          if (rows.length === 1 && !header) header = rows.pop()!;
          continue;
        }
        rows.push(cells(lines[j]!));
      }
      i = j - 1;
      out.push('<table>');
      if (header) out.push(`<thead><tr>${header.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead>`);
      out.push('<tbody>');
      for (const r of rows) out.push(`<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`);
      out.push('</tbody></table>');
      continue;
    }
    const li = LIST.exec(line);
    if (li) {
      flush();
      const indent = li[1]!.replace(/\t/g, '    ').length;
      const tag = /\d/.test(li[2]!) ? 'ol' : 'ul';
      while (lists.length && lists[lists.length - 1]!.indent > indent)
        out.push(`</li></${lists.pop()!.tag}>`);
      const top = lists[lists.length - 1];
      if (!top || top.indent < indent) {
        out.push(`<${tag}>`);
        lists.push({ indent, tag });
      } else out.push('</li>');
      out.push(`<li>${inline(li[3]!)}`);
      continue;
    }
    if (lists.length && /^\s{2,}\S/.test(line)) {
      out.push(` ${inline(line.trim())}`);
      continue;
    }
    closeLists();
    para.push(line.trim());
  }
  flush();
  closeLists();
  return { body: out.join('\n'), firstHeading };
}

/** A neutral address for a corpus document: the service as host, a hash of its path as path. */
export function neutralUrl(service: string, file: string): string {
  const host =
    service
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'site';
  return `https://${host}.example/p/${createHash('sha256').update(file).digest('hex').slice(0, 12)}`;
}

/** The whole page: `<title>` from the first heading (or the service), the document in `<main>`. */
export function markdownPage(md: string, service: string): string {
  const { body, firstHeading } = markdownToHtml(md);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(firstHeading || service)}</title></head><body><main>${body}</main></body></html>`;
}

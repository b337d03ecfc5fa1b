/**
 * What every HTML view shares: escaping, inline code in the pack's prose, quotes marked in a
 * clause's text, and the page around a view. A view is one static file a lawyer or a finance
 * controller opens from a disk or prints: all its CSS is inline, it loads nothing, and it runs
 * no script but its own, inline (the portfolio's filter and sort). Every text taken from a
 * record or a rule file goes through `escapeHtml`.
 */
import { sha256 } from '../base/builtins.js';

/** Escapes text for an HTML element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** ` name="value"`, escaped; nothing when the value is undefined. */
export function attr(name: string, value: string | number | undefined): string {
  return value === undefined ? '' : ` ${name}="${escapeHtml(String(value))}"`;
}

/**
 * The pack's prose (summaries, interpretations, reasons) writes field names between backticks,
 * as Markdown does: they become `<code>` here, and everything else is escaped.
 */
export function proseHtml(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part) =>
      part.length > 2 && part.startsWith('`') && part.endsWith('`')
        ? `<code>${escapeHtml(part.slice(1, -1))}</code>`
        : escapeHtml(part),
    )
    .join('');
}

/** A span of a text, from `start` (inclusive) to `end` (exclusive), and who marks it. */
export interface Marked {
  start: number;
  end: number;
  labels: string[];
}

/**
 * Where quotes are in a text: each quote's first occurrence, overlapping spans merged with the
 * labels of every quote they hold. A quote that is not in the text marks nothing (the pack's
 * loader and its tests make sure every quote is found in its clause).
 */
export function quoteSpans(text: string, quotes: { text: string; label: string }[]): Marked[] {
  const spans = quotes
    .map((q) => ({ start: text.indexOf(q.text), length: q.text.length, label: q.label }))
    .filter((s) => s.start >= 0 && s.length > 0)
    .map((s) => ({ start: s.start, end: s.start + s.length, labels: [s.label] }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Marked[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      for (const label of span.labels) if (!last.labels.includes(label)) last.labels.push(label);
    } else merged.push({ ...span, labels: [...span.labels] });
  }
  return merged;
}

/** A text, escaped, with the spans given wrapped in `<mark>` naming who marks them. */
export function markedHtml(text: string, spans: Marked[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    out += escapeHtml(text.slice(at, span.start));
    out += `<mark${attr('data-rules', span.labels.join(' '))}${attr('title', span.labels.join(', '))}>${escapeHtml(text.slice(span.start, span.end))}</mark>`;
    at = span.end;
  }
  return out + escapeHtml(text.slice(at));
}

export interface Page {
  language: string;
  title: string;
  /** The view's own CSS, after the shared one. */
  css: string;
  body: string;
  /** The view's own script, if it has one (the portfolio's filter and sort), run at the end. */
  script?: string;
}

/**
 * A whole page. The Content-Security-Policy forbids every fetch and every script but the page's
 * own, named by its hash: what the file shows is all in it, and opening it asks nothing of any
 * server.
 */
export function page(p: Page): string {
  const script =
    p.script === undefined ? '' : `; script-src 'sha256-${sha256(p.script, 'base64')}'`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(p.language)}">`,
    '<head>',
    '<meta charset="utf-8" />',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'${script}" />`,
    '<meta name="viewport" content="width=device-width, initial-scale=1" />',
    '<meta name="generator" content="clausier" />',
    `<title>${escapeHtml(p.title)}</title>`,
    `<style>${BASE_CSS}${p.css}</style>`,
    '</head>',
    `<body>`,
    p.body,
    ...(p.script === undefined ? [] : [`<script>${p.script}</script>`]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * Typography for reading on screen and on A4 paper: system fonts (nothing to download), a
 * measure that stays readable, and colours that keep their meaning when printed in grey because
 * every status also has a symbol or a pattern.
 */
const BASE_CSS = `
:root {
  --ink: #1b1b1b;
  --muted: #555;
  --rule: #c8c8c8;
  --paper: #fff;
  --tint: #f4f4f1;
  --blue: #1f4e8c;
  --breach: #a4161a;
  --breach-bg: #fde2e1;
  --ok: #1d6b35;
  --ok-bg: #e3f2e6;
  --warn: #7a4a00;
  --warn-bg: #fff1cc;
  --info: #35506b;
  --info-bg: #e3ecf6;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0 auto;
  padding: 24px 28px 48px;
  max-width: 1180px;
  color: var(--ink);
  background: var(--paper);
  font: 15px/1.5 "Segoe UI", Roboto, "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  font-variant-numeric: tabular-nums;
}
h1, h2, h3, h4, h5 { line-height: 1.25; margin: 1.4em 0 0.5em; }
h1 { font-size: 1.7rem; margin-top: 0.2em; }
h2 { font-size: 1.3rem; border-bottom: 2px solid var(--ink); padding-bottom: 0.2em; }
h3 { font-size: 1.1rem; }
h4 { font-size: 1rem; }
h5 { font-size: 0.9rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); margin: 1em 0 0.3em; }
p { margin: 0.4em 0; }
a { color: var(--blue); }
code, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; }
code { background: var(--tint); padding: 0 0.2em; border-radius: 2px; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--tint); }
tr { break-inside: avoid; page-break-inside: avoid; }
caption { text-align: left; font-weight: 600; padding: 0 0 4px; }
td.num, th.num { text-align: right; white-space: nowrap; }
.amount { white-space: nowrap; }
.muted { color: var(--muted); }
.small { font-size: 0.85em; }
.en { color: var(--muted); }
.badge {
  display: inline-block;
  border: 1px solid currentColor;
  border-radius: 3px;
  padding: 0 6px;
  font-size: 0.8em;
  font-weight: 600;
  white-space: nowrap;
  vertical-align: 0.1em;
}
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
mark { background: #fff0a8; color: inherit; padding: 0 1px; box-decoration-break: clone; -webkit-box-decoration-break: clone; }
footer { margin-top: 3em; border-top: 1px solid var(--rule); padding-top: 0.5em; color: var(--muted); font-size: 0.85em; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-before: auto; }
  /* A heading, a caption or a term stays on the page of what follows it. */
  h1, h2, h3, h4, h5, caption, figcaption, dt, .clause-head { break-after: avoid; page-break-after: avoid; }
  h1 + *, h2 + *, h3 + *, h4 + *, h5 + *, caption + *, figcaption + *, .clause-head + *, dt + dd { break-before: avoid; page-break-before: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark { outline: 1px dotted var(--ink); }
}
`;

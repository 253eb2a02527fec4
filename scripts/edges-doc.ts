import { format, resolveConfig } from 'prettier';
import { main, mainLayers, renderer, rendererLayers } from '../module-edges.mjs';

interface Element {
  layer: string;
  may: string[];
  why?: string;
}

const start = '<!-- module-edges:start (generated from module-edges.mjs by `npm run docs:edges`) -->';
const end = '<!-- module-edges:end -->';

const id = (prefix: string, name: string) => `${prefix}_${name.replace(/[^a-zA-Z0-9]/g, '_')}`;

/** One Mermaid flowchart per process: a box per layer, an arrow per allowed edge (drawn once per pair). */
function diagram(prefix: string, layers: string[], table: Record<string, Element>): string {
  const lines = ['```mermaid', 'flowchart BT'];
  for (const layer of layers) {
    lines.push(`  subgraph ${id(prefix, `layer_${layer}`)}["${layer}"]`);
    for (const [name, element] of Object.entries(table)) {
      if (element.layer === layer) lines.push(`    ${id(prefix, name)}["${name}"]`);
    }
    lines.push('  end');
  }
  for (const [name, element] of Object.entries(table)) {
    const targets = new Set(element.may.map((m) => m.split('/')[0] ?? m));
    for (const target of [...targets].sort()) {
      const label = element.may.filter((m) => m.startsWith(`${target}/`)).join(', ');
      lines.push(`  ${id(prefix, name)} -->${label ? `|${label}|` : ''} ${id(prefix, target)}`);
    }
  }
  lines.push('```');
  return lines.join('\n');
}

function table(root: string, table: Record<string, Element>): string {
  const rows = Object.entries(table).map(
    ([name, e]) =>
      `| \`${root}${name}\` | ${e.layer} | ${e.may.length ? e.may.map((m) => `\`${m}\``).join(', ') : '—'} | ${e.why ?? ''} |`,
  );
  return [
    '| folder | layer | may import (besides itself and `src-shared/`) | why |',
    '| --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

/** The generated part of docs/ARCHITECTURE.md §3, markers included. */
export function renderEdgesDoc(): string {
  return [
    start,
    '',
    'Main process (`src-main/`; arrows point from the importer to what it may import):',
    '',
    diagram('m', [...mainLayers], main),
    '',
    table('src-main/', main),
    '',
    'Renderer (`src-renderer/src/`):',
    '',
    diagram('r', [...rendererLayers], renderer),
    '',
    table('src-renderer/src/', renderer),
    '',
    end,
  ].join('\n');
}

/** `doc` (the file at `path`) with its generated part replaced by the current one, formatted as lint wants. */
export async function withEdgesDoc(doc: string, path: string): Promise<string> {
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${path} lacks the module-edges markers`);
  const text = doc.slice(0, from) + renderEdgesDoc() + doc.slice(to + end.length);
  return format(text, { ...(await resolveConfig(path)), filepath: path });
}

// An ESLint rule that resolves every import, relative or by @app/ alias, to the part of the tree it
// lands in, so that `apps/X ↛ apps/Y` and `libs ↛ apps` hold however deep the importing file sits.
'use strict';

const { dirname, relative, resolve, sep } = require('node:path');

/** The part of the tree a file belongs to: `apps/<name>`, `libs/<name>`, `workflows`, or null elsewhere. */
function areaOf(root, file) {
  const parts = relative(root, file).split(sep);
  if ((parts[0] === 'apps' || parts[0] === 'libs') && parts.length > 2) return `${parts[0]}/${parts[1]}`;
  if (parts[0] === 'workflows') return 'workflows';
  return null;
}

function resolveSource(root, aliases, file, source) {
  if (source.startsWith('.')) return resolve(dirname(file), source);
  const alias = Object.keys(aliases)
    .sort((a, b) => b.length - a.length)
    .find((name) => source === name || source.startsWith(`${name}/`));
  return alias ? resolve(root, aliases[alias], source.slice(alias.length + 1)) : null;
}

function problem(from, to) {
  if (from.startsWith('apps/') && to.startsWith('apps/') && from !== to) {
    return `${from} may not import ${to}'s files: what both need belongs in libs/`;
  }
  if (from.startsWith('libs/') && to.startsWith('apps/')) return `libraries may not import apps (${from} → ${to})`;
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'No app imports another app, no library imports an app' },
    schema: [
      {
        type: 'object',
        properties: { root: { type: 'string' }, aliases: { type: 'object', additionalProperties: { type: 'string' } } },
        required: ['root', 'aliases'],
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { root, aliases } = context.options[0];
    const file = context.filename;
    const from = areaOf(root, file);
    if (!from) return {};
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const target = resolveSource(root, aliases, file, node.source.value);
      const to = target && areaOf(root, target);
      const message = to && problem(from, to);
      if (message) context.report({ node: node.source, message });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
  },
};

module.exports = { rules: { 'import-boundaries': rule } };

// Positions from asl-lint (1-based lines, columns in characters) in CodeMirror offsets (UTF-16).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Text } from '@codemirror/state';
import { toOffset, innermost } from '../src/positions.js';

test('columns count characters, offsets count UTF-16 units', () => {
  const doc = Text.of(['{', '  "😀": "é", "x": 1', '}']);
  assert.equal(toOffset(doc, { line: 1, column: 1 }), 0);
  assert.equal(toOffset(doc, { line: 2, column: 3 }), 4);
  // After the emoji (two UTF-16 units, one character) and its closing quote.
  assert.equal(toOffset(doc, { line: 2, column: 6 }), 8);
  assert.equal(doc.sliceString(toOffset(doc, { line: 2, column: 13 }), toOffset(doc, { line: 2, column: 16 })), '"x"');
});

test('positions past a line or the text are clamped', () => {
  const doc = Text.of(['ab', 'c']);
  assert.equal(toOffset(doc, { line: 1, column: 3 }), 2);
  assert.equal(toOffset(doc, { line: 1, column: 4 }), 3);
  assert.equal(toOffset(doc, { line: 3, column: 1 }), doc.length);
});

test('the innermost state holding a range wins', () => {
  const outer = { node: 's0', from: 0, to: 100 };
  const inner = { node: 's1', from: 10, to: 20 };
  assert.equal(innermost([outer, inner], 12), inner);
  assert.equal(innermost([outer, inner], 12, 30), outer);
  assert.equal(innermost([outer, inner], 150), null);
});

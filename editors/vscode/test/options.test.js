const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const test = require('node:test');

const { documentSelector, graphArgs, isStateMachineFile, serverOptions } = require('../out/options');
const { escapeHtml, graphHtml } = require('../out/graph');

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

test('the server is started as `asl-lint lsp`', () => {
  const options = serverOptions('/bin/asl-lint');
  assert.equal(options.command, '/bin/asl-lint');
  assert.deepEqual(options.args, ['lsp']);
  assert.equal(options.options.env.NO_COLOR, '1');
});

test('the document selector covers the state-machine file names, on disk and unsaved', () => {
  const selector = documentSelector();
  for (const scheme of ['file', 'untitled']) {
    const patterns = selector.filter((f) => f.scheme === scheme).map((f) => f.pattern);
    assert.deepEqual(patterns.sort(), ['**/*.asl', '**/*.asl.json', '**/*.asl.yaml', '**/*.asl.yml']);
  }
  assert.ok(selector.every((f) => f.language === undefined || ['json', 'yaml'].includes(f.language)));
});

test('file associations, schema validation and the selector agree', () => {
  const languages = manifest.contributes.languages;
  assert.deepEqual(languages.find((l) => l.id === 'json').filenamePatterns, ['*.asl.json']);
  assert.deepEqual(languages.find((l) => l.id === 'yaml').filenamePatterns, ['*.asl.yaml', '*.asl.yml']);
  assert.deepEqual(manifest.contributes.jsonValidation, [{ fileMatch: ['*.asl.json'], url: './schemas/asl.schema.json' }]);
  assert.deepEqual(manifest.contributes.yamlValidation[0].fileMatch, ['*.asl.yaml', '*.asl.yml']);
  const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schemas', 'asl.schema.json'), 'utf8'));
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
});

test('every command the code registers is contributed, and the reverse', () => {
  const source = fs.readFileSync(path.join(__dirname, '..', 'src', 'extension.ts'), 'utf8');
  const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
  const contributed = manifest.contributes.commands.map((c) => c.command).sort();
  assert.deepEqual(registered, contributed);
  assert.ok(contributed.includes('asl-lint.showGraph'));
});

test('the graph command draws the file with Mermaid', () => {
  assert.deepEqual(graphArgs('/w/flow.asl.json'), ['graph', '--format', 'mermaid', '/w/flow.asl.json']);
  assert.ok(isStateMachineFile('/w/flow.asl.json'));
  assert.ok(isStateMachineFile('/w/flow.asl.yml'));
  assert.ok(!isStateMachineFile('/w/package.json'));
});

test('the graph view escapes the drawing and allows only its own scripts', () => {
  const html = graphHtml({
    mermaid: 'flowchart TD\n  s0("</pre><script>alert(1)</script>")',
    scriptUri: 'vscode-resource:/media/mermaid.min.js',
    cspSource: 'vscode-webview:',
    nonce: 'abc',
    title: '<flow>.asl.json',
  });
  assert.ok(!html.includes('<script>alert(1)'));
  assert.ok(html.includes('&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.match(html, /script-src 'nonce-abc'/);
  assert.equal((html.match(/<script nonce="abc"/g) || []).length, 2);
  assert.equal(escapeHtml(`&<>"'`), '&amp;&lt;&gt;&quot;&#39;');
});

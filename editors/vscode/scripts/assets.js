// Copies what the extension ships from elsewhere: the JSON Schema from the repository, and
// Mermaid's browser build for the graph view.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const copies = [
  [path.join(root, '..', '..', 'schemas', 'asl.schema.json'), path.join(root, 'schemas', 'asl.schema.json')],
  [path.join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js'), path.join(root, 'media', 'mermaid.min.js')],
  [path.join(root, '..', '..', 'LICENSE-MIT'), path.join(root, 'LICENSE')],
];
for (const [from, to] of copies) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

// The language client's options, as plain data (no `vscode` import) for Node's test runner.

// The documents the server gets: state machines by their file names.
export const STATE_MACHINE_PATTERNS = ['**/*.asl.json', '**/*.asl.yaml', '**/*.asl.yml', '**/*.asl'];

export interface DocumentFilter {
  scheme: string;
  language?: string;
  pattern: string;
}

export function documentSelector(): DocumentFilter[] {
  const filters: DocumentFilter[] = [];
  for (const scheme of ['file', 'untitled']) {
    filters.push({ scheme, language: 'json', pattern: '**/*.asl.json' });
    filters.push({ scheme, language: 'yaml', pattern: '**/*.asl.yaml' });
    filters.push({ scheme, language: 'yaml', pattern: '**/*.asl.yml' });
    filters.push({ scheme, pattern: '**/*.asl' });
  }
  return filters;
}

export function serverOptions(command: string): { command: string; args: string[]; options: { env: NodeJS.ProcessEnv } } {
  // NO_COLOR: the server logs to stderr, which the output channel shows as text.
  return { command, args: ['lsp'], options: { env: { ...process.env, NO_COLOR: '1' } } };
}

export function graphArgs(file: string): string[] {
  return ['graph', '--format', 'mermaid', file];
}

export function isStateMachineFile(fileName: string): boolean {
  return /\.asl(\.json|\.ya?ml)?$/.test(fileName);
}

// Which asl-lint binary the extension starts. No `vscode` import, so that Node's test runner
// can load it.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Found {
  command: string;
  source: 'setting' | 'bundled' | 'PATH';
}

export interface Environment {
  platform: NodeJS.Platform;
  PATH: string | undefined;
  isExecutable(file: string): boolean;
}

export function binaryName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'asl-lint.exe' : 'asl-lint';
}

export function realEnvironment(): Environment {
  return {
    platform: process.platform,
    PATH: process.env.PATH,
    isExecutable(file: string): boolean {
      try {
        fs.accessSync(file, process.platform === 'win32' ? fs.constants.F_OK : fs.constants.X_OK);
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  };
}

// The `asl-lint.path` setting first, then the binary bundled in the extension (`bin/`), then
// PATH. A setting that names no executable is an error, not a silent fallback: the user asked
// for that binary.
export function findServer(setting: string, extensionPath: string, env: Environment): Found | { error: string } {
  const configured = setting.trim();
  if (configured !== '') {
    return env.isExecutable(configured)
      ? { command: configured, source: 'setting' }
      : { error: `asl-lint.path is "${configured}", which is not an executable file` };
  }
  const name = binaryName(env.platform);
  const pathModule = env.platform === 'win32' ? path.win32 : path.posix;
  const bundled = pathModule.join(extensionPath, 'bin', name);
  if (env.isExecutable(bundled)) {
    return { command: bundled, source: 'bundled' };
  }
  const separator = env.platform === 'win32' ? ';' : ':';
  for (const dir of (env.PATH ?? '').split(separator)) {
    if (dir === '') {
      continue;
    }
    const candidate = pathModule.join(dir, name);
    if (env.isExecutable(candidate)) {
      return { command: candidate, source: 'PATH' };
    }
  }
  return {
    error:
      'asl-lint was not found: install it (cargo install, pip install asl-lint, or a release binary) ' +
      'and put it on PATH, or set asl-lint.path',
  };
}

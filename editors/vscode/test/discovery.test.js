const assert = require('node:assert/strict');
const test = require('node:test');

const { findServer } = require('../out/discovery');

function env(executables, PATH = '/usr/local/bin:/usr/bin', platform = 'linux') {
  return { platform, PATH, isExecutable: (file) => executables.includes(file) };
}

test('the setting wins over the bundled binary and PATH', () => {
  const found = findServer('/opt/asl-lint', '/ext', env(['/opt/asl-lint', '/ext/bin/asl-lint', '/usr/bin/asl-lint']));
  assert.deepEqual(found, { command: '/opt/asl-lint', source: 'setting' });
});

test('a setting that names no executable is an error, not a fallback', () => {
  const found = findServer('/nowhere/asl-lint', '/ext', env(['/ext/bin/asl-lint']));
  assert.match(found.error, /asl-lint.path is "\/nowhere\/asl-lint"/);
});

test('the bundled binary comes before PATH', () => {
  const found = findServer('', '/ext', env(['/ext/bin/asl-lint', '/usr/bin/asl-lint']));
  assert.deepEqual(found, { command: '/ext/bin/asl-lint', source: 'bundled' });
});

test('PATH is searched in order', () => {
  const found = findServer('  ', '/ext', env(['/usr/bin/asl-lint', '/usr/local/bin/asl-lint']));
  assert.deepEqual(found, { command: '/usr/local/bin/asl-lint', source: 'PATH' });
});

test('Windows: .exe and ; separated PATH', () => {
  const found = findServer('', 'C:\\ext', env(['D:\\tools\\asl-lint.exe'], 'C:\\bin;D:\\tools', 'win32'));
  assert.deepEqual(found, { command: 'D:\\tools\\asl-lint.exe', source: 'PATH' });
});

test('nothing found tells how to install', () => {
  const found = findServer('', '/ext', env([], undefined));
  assert.match(found.error, /not found/);
  assert.match(found.error, /asl-lint.path/);
});

test('the real environment finds an executable on PATH', () => {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const { realEnvironment } = require('../out/discovery');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'asl-lint-vscode-'));
  const binary = path.join(dir, 'asl-lint');
  fs.writeFileSync(binary, '#!/bin/sh\n', { mode: 0o755 });
  fs.writeFileSync(path.join(dir, 'not-executable'), '', { mode: 0o644 });
  const real = { ...realEnvironment(), PATH: dir };
  assert.deepEqual(findServer('', '/no-extension', real), { command: binary, source: 'PATH' });
  assert.equal(real.isExecutable(path.join(dir, 'not-executable')), process.platform === 'win32');
  fs.rmSync(dir, { recursive: true });
});

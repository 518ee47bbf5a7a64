import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions } from 'vscode-languageclient/node';

import { findServer, realEnvironment } from './discovery';
import { graphHtml } from './graph';
import { documentSelector, graphArgs, isStateMachineFile, serverOptions } from './options';

let client: LanguageClient | undefined;
let command: string | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('asl-lint');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('asl-lint.restartServer', async () => {
      await stop();
      await start(context, output);
    }),
    vscode.commands.registerCommand('asl-lint.showGraph', () => showGraph(context)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('asl-lint.path')) {
        await stop();
        await start(context, output);
      }
    }),
  );
  await start(context, output);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext, output: vscode.OutputChannel): Promise<void> {
  const setting = vscode.workspace.getConfiguration('asl-lint').get<string>('path', '');
  const found = findServer(setting, context.extensionPath, realEnvironment());
  if ('error' in found) {
    command = undefined;
    output.appendLine(found.error);
    void vscode.window.showErrorMessage(found.error);
    return;
  }
  command = found.command;
  output.appendLine(`starting ${found.command} lsp (found through the ${found.source})`);
  const clientOptions: LanguageClientOptions = { documentSelector: documentSelector(), outputChannel: output };
  client = new LanguageClient('asl-lint', 'asl-lint', serverOptions(found.command) as ServerOptions, clientOptions);
  await client.start();
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    await running.stop();
  }
}

function showGraph(context: vscode.ExtensionContext): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isStateMachineFile(editor.document.fileName) || editor.document.uri.scheme !== 'file') {
    void vscode.window.showInformationMessage('Open a saved *.asl.json, *.asl.yaml or *.asl.yml file first.');
    return;
  }
  if (!command) {
    void vscode.window.showErrorMessage('asl-lint was not found; see the asl-lint output channel.');
    return;
  }
  const file = editor.document.fileName;
  execFile(command, graphArgs(file), { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
    if (error) {
      void vscode.window.showErrorMessage(`asl-lint graph failed: ${stderr || error.message}`);
      return;
    }
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    const panel = vscode.window.createWebviewPanel('asl-lint.graph', `Graph: ${path.basename(file)}`, vscode.ViewColumn.Beside, {
      enableScripts: true,
      localResourceRoots: [media],
    });
    panel.webview.html = graphHtml({
      mermaid: stdout,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'mermaid.min.js')).toString(),
      cspSource: panel.webview.cspSource,
      nonce: randomBytes(16).toString('base64'),
      title: path.basename(file),
    });
  });
}

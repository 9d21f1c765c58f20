/**
 * The VS Code client: starts the language server over IPC, restarts it when it dies (the
 * client library's error handler, up to its limit), and offers the Restart Server command and
 * an output channel. Zone logic lives in the server only.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('DNS Zone', { log: true });
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dns-zone' },
      { scheme: 'untitled', language: 'dns-zone' },
    ],
    outputChannel: output,
    synchronize: { configurationSection: 'dnsZone' },
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  client = new LanguageClient('dnsZone', 'DNS Zone Language Server', serverOptions, clientOptions);

  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('dnsZone.restartServer', async () => {
      output.info('Restarting the DNS zone language server');
      await client?.restart();
    }),
    vscode.commands.registerCommand('dnsZone.openRuleDocumentation', async (uri: string) => {
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.parse(uri));
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // Trust changes what the server may do (includes outside the folder): start it afresh.
      await client?.restart();
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

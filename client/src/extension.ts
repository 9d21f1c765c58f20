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
    vscode.commands.registerCommand('dnsZone.checkMailServers', () => checkMailServers(output)),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      // Trust changes what the server may do (includes outside the folder): start it afresh.
      await client?.restart();
    }),
  );
  await client.start();
}

interface CheckMailServersResult {
  status: 'ok' | 'disabled' | 'untrusted' | 'not-open' | 'failed';
  report: string;
  findings: unknown[];
}

/** Live checks run in the server (it owns the zone model); the client shows the report. */
async function checkMailServers(output: vscode.LogOutputChannel): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!client || !editor || editor.document.languageId !== 'dns-zone') {
    void vscode.window.showInformationMessage('Open a DNS zone file to check its mail servers.');
    return;
  }
  const cancel = new vscode.CancellationTokenSource();
  try {
    const result = await client.sendRequest<CheckMailServersResult>('dnsZone/checkMailServers', { uri: editor.document.uri.toString() }, cancel.token);
    output.info(result.report);
    output.show(true);
    if (result.status === 'disabled') {
      const enable = 'Enable live checks';
      if ((await vscode.window.showInformationMessage('Live checks are off: they query DNS and talk to your mail servers.', enable)) === enable) {
        await vscode.workspace.getConfiguration('dnsZone').update('live.enabled', true, vscode.ConfigurationTarget.Workspace);
        await checkMailServers(output);
      }
    } else if (result.status !== 'ok') {
      void vscode.window.showWarningMessage(result.report);
    }
  } catch (err) {
    output.error(`Check Mail Servers failed: ${(err as Error).message}`);
  } finally {
    cancel.dispose();
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

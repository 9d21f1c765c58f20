/**
 * `npm run test:vscode`: the in-editor suite in a real VS Code downloaded by @vscode/test-electron
 * (needs a machine that can download VS Code; CI here proves the extension in code-server instead,
 * see test/e2e/). The workspace is a temporary copy of examples/.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'dns-zone-vscode-'));
  for (const f of fs.readdirSync(path.join(root, 'examples'))) fs.copyFileSync(path.join(root, 'examples', f), path.join(workspace, f));
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((err) => {
  process.stderr.write(`VS Code tests failed: ${(err as Error).message}\n`);
  process.exit(1);
});

// Bundles the client, the server and the CLI with esbuild into dist/ (what the .vsix ships
// and what `zonelint` runs). Type checking is tsc's job (npm run build runs it first).
import * as esbuild from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning', minify: process.argv.includes('--minify') };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', external: ['dns-zonefile'] }),
]);

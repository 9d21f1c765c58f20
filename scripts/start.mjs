// `npm start`: lint the example zones with zonelint (findings are expected: one example is
// broken on purpose), then build the .vsix. Fails only when zonelint itself fails (exit 2) or
// packaging fails.
import { spawnSync } from 'node:child_process';

const lint = spawnSync(process.execPath, ['bin/zonelint.js', 'examples/'], { stdio: 'inherit' });
if (lint.status !== 0 && lint.status !== 1) process.exit(lint.status ?? 2);
console.log(`\nzonelint exited ${lint.status} (1 = errors found, as expected in examples/mail-mistakes.zone)\n`);
const pack = spawnSync('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '-o', 'dist/dns-zone-mail.vsix'], { stdio: 'inherit' });
process.exit(pack.status ?? 1);

#!/usr/bin/env node
'use strict';
// zonelint: the esbuild bundle (dist/) when built, else the tsc output (out/). See docs/cli.md.
const fs = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.js');
const compiled = path.join(__dirname, '..', 'out', 'server', 'src', 'cli.js');
const entry = fs.existsSync(bundle) ? bundle : fs.existsSync(compiled) ? compiled : null;
let cli = null;
if (!entry) {
  process.stderr.write('zonelint: not built yet: run `npm run build` (or `npx tsc -p .`) first\n');
} else {
  try {
    cli = require(entry);
  } catch (err) {
    // A broken build is our bug, not the user's: one line, no stack trace.
    process.stderr.write(`zonelint: internal error while loading ${path.relative(process.cwd(), entry) || entry}: ${err && err.message ? err.message : err}\n`);
  }
}
if (cli) cli.runAsProcess();
else process.exitCode = 2;

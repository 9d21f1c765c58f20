import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../server/src/language/languageService';
import { dumpZone } from '../parser/fixtureFiles';
import { fileIncludeReader } from './includeReader';
const [file, origin] = process.argv.slice(2);
const zone = parseDocument({ text: fs.readFileSync(file, 'utf8'), fileName: path.resolve(file), origin, readInclude: fileIncludeReader() });
process.stdout.write(dumpZone(zone));

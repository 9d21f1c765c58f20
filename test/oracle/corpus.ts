/**
 * The shared zone corpus (../shared/corpus, read-only, never copied into the repository) and its
 * named-checkzone-results.tsv, which gives for every file the origin and the working directory
 * BIND was run with, and BIND 9.18's exit code.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ZoneJob } from './bind';

/** Repository root, from out/test/oracle (compiled) or test/oracle (source). */
const REPO_ROOT = path.resolve(__dirname, __dirname.includes(`${path.sep}out${path.sep}`) ? '../../..' : '../..');
export const SHARED_DIR = path.resolve(REPO_ROOT, '..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

export interface CorpusEntry {
  /** Path relative to the corpus folder. */
  name: string;
  job: ZoneJob;
  /** BIND 9.18's exit code as recorded in the TSV. */
  recordedExit: number;
}

export function corpusAvailable(): boolean {
  return fs.existsSync(path.join(CORPUS_DIR, 'named-checkzone-results.tsv'));
}

export function readCorpus(): CorpusEntry[] {
  const tsv = fs.readFileSync(path.join(CORPUS_DIR, 'named-checkzone-results.tsv'), 'utf8');
  const [header, ...rows] = tsv.split('\n').filter((l) => l.length > 0);
  const cols = header.split('\t');
  const col = (name: string): number => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`named-checkzone-results.tsv has no column ${name}`);
    return i;
  };
  const [iFile, iOrigin, iExit, iCwd] = [col('file'), col('origin'), col('exit_code'), col('cwd_used')];
  return rows.map((row) => {
    const c = row.split('\t');
    const file = path.join(CORPUS_DIR, c[iFile]);
    return {
      name: c[iFile],
      job: { origin: c[iOrigin], file, cwd: c[iCwd] ? path.join(CORPUS_DIR, c[iCwd]) : path.dirname(file) },
      recordedExit: Number(c[iExit]),
    };
  });
}

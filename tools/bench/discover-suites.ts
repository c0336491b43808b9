import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';

/** A suite file found in the workspace. */
export interface SuiteFile {
  suite: string;
  path: string;
}

const ROOTS = ['libs', 'apps'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', '.angular', '.nx', 'coverage']);
const SUITE_FILE = /^(?<suite>[\w.-]+)\.bench\.ts$/;

/** Finds every `libs/**\/bench/*.bench.ts` and `apps/**\/bench/*.bench.ts` under `workspaceRoot`, by suite name. */
export function discoverSuites(workspaceRoot: string): SuiteFile[] {
  const found: SuiteFile[] = [];
  for (const root of ROOTS) walk(join(workspaceRoot, root), found);
  return found
    .map((file) => ({ ...file, path: relative(workspaceRoot, file.path) }))
    .sort((a, b) => a.suite.localeCompare(b.suite));
}

function walk(folder: string, found: SuiteFile[]): void {
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(path, found);
    const match = entry.isFile() && basename(folder) === 'bench' ? SUITE_FILE.exec(entry.name) : null;
    if (match?.groups) found.push({ suite: match.groups['suite'], path });
  }
}

import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotReadModels, workerReadModelDir } from './workers';

describe('a forked worker’s read models', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'banjie-workers-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  function readModels(path: string, position: string): void {
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS projection_checkpoints (name TEXT PRIMARY KEY, position TEXT NOT NULL)');
    db.prepare('INSERT OR REPLACE INTO projection_checkpoints VALUES (?, ?)').run('case-list', position);
    db.close();
  }

  function checkpoint(path: string): string {
    const db = new Database(path, { readonly: true });
    try {
      return (db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').get('case-list') as { position: string }).position;
    } finally {
      db.close();
    }
  }

  it('start from a copy of the data dir’s read models, checkpoints included, when they have none', () => {
    // given read models in the data dir
    readModels(join(dataDir, 'read-models.sqlite'), '41');

    // when worker 2 is about to start
    snapshotReadModels(dataDir, workerReadModelDir(dataDir, 2));

    // then it has them, at the same checkpoint
    expect(checkpoint(join(dataDir, 'replicas', '2', 'read-models.sqlite'))).toBe('41');
  });

  it('keep a worker’s own read models, and make none when the data dir has none', () => {
    // given worker 1 with read models of its own, further on than the data dir's
    readModels(join(dataDir, 'read-models.sqlite'), '41');
    snapshotReadModels(dataDir, workerReadModelDir(dataDir, 1));
    readModels(join(workerReadModelDir(dataDir, 1), 'read-models.sqlite'), '99');

    // when it starts again, and worker 3 starts over an empty data dir
    snapshotReadModels(dataDir, workerReadModelDir(dataDir, 1));
    const empty = mkdtempSync(join(tmpdir(), 'banjie-workers-empty-'));
    snapshotReadModels(empty, workerReadModelDir(empty, 3));

    // then worker 1 keeps its own, and worker 3 will rebuild from the store
    expect(checkpoint(join(workerReadModelDir(dataDir, 1), 'read-models.sqlite'))).toBe('99');
    expect(existsSync(workerReadModelDir(empty, 3))).toBe(false);
    rmSync(empty, { recursive: true, force: true });
  });
});

import type { Role, UserView, ZoneId } from '@banjie/contracts';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A user as stored: the public view and the bcrypt hash of the password. */
export interface StoredUser extends UserView {
  passwordHash: string;
}

interface UserRow {
  id: string;
  name: string;
  roles: string;
  zone_id: string;
  groups: string;
  password_hash: string;
}

/**
 * The users who may sign in, in `<dataDir>/users.sqlite` (in memory without a data dir).
 * Users are not events: they are not part of any case's history.
 */
export class UserDirectory {
  private readonly db: Database.Database;

  constructor(dataDir: string | undefined) {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir ? join(dataDir, 'users.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, roles TEXT NOT NULL, zone_id TEXT NOT NULL, groups TEXT NOT NULL, password_hash TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS seeds (name TEXT PRIMARY KEY, at TEXT NOT NULL)`);
  }

  find(id: string): StoredUser | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && {
      id: row.id,
      name: row.name,
      roles: JSON.parse(row.roles) as Role[],
      zoneId: row.zone_id as ZoneId,
      groups: JSON.parse(row.groups) as string[],
      passwordHash: row.password_hash,
    };
  }

  /** Adds the users that do not exist yet; returns how many were added. */
  addMissing(users: StoredUser[]): number {
    const insert = this.db.prepare('INSERT OR IGNORE INTO users (id, name, roles, zone_id, groups, password_hash) VALUES (?, ?, ?, ?, ?, ?)');
    return this.db.transaction(() => users.reduce((n, u) => n + insert.run(u.id, u.name, JSON.stringify(u.roles), u.zoneId, JSON.stringify(u.groups), u.passwordHash).changes, 0))();
  }

  /** Records that a seed ran; false when it had run before (seeds run once per data dir). */
  markSeeded(name: string): boolean {
    return this.db.prepare('INSERT OR IGNORE INTO seeds (name, at) VALUES (?, ?)').run(name, new Date().toISOString()).changes === 1;
  }

  hasSeeded(name: string): boolean {
    return this.db.prepare('SELECT 1 FROM seeds WHERE name = ?').get(name) !== undefined;
  }

  close(): void {
    this.db.close();
  }
}

import { ListCursor, fetchSize, type Page, type PageRequest } from '@banjie/api-core';
import type { ManagedUserView, Role, UserView, ZoneId } from '@banjie/contracts';
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** A user as stored: the public view, the bcrypt hash of the password, and whether it may sign in. */
export interface StoredUser extends UserView {
  passwordHash: string;
  /** False once an admin deactivated the user (true when left out). */
  active?: boolean;
  /** The generation of the user's valid tokens (see `UserStanding`); 0 when left out. */
  tokenGeneration?: number;
}

/** What the access guard checks on every request: is the user active, and which token generation is current. */
export interface UserStanding {
  active: boolean;
  /**
   * Bumped whenever the user's password, roles, zone, groups or active flag change: a token
   * carrying an older generation no longer works.
   */
  tokenGeneration: number;
}

/** What an admin may change of a user. */
export interface UserChange {
  name?: string;
  zoneId?: ZoneId;
  roles?: Role[];
  groups?: string[];
  active?: boolean;
}

/** Users are listed by zone and id; the cursor carries both. */
const USER_CURSOR = new ListCursor('users', ['string', 'string']);

interface UserRow {
  id: string;
  name: string;
  roles: string;
  zone_id: string;
  groups: string;
  password_hash: string;
  active: number;
  token_generation: number;
}

/**
 * The users who may sign in, in `<dataDir>/users.sqlite` (in memory without a data dir).
 * Users are not events: they are not part of any case's history. The standing of each user
 * (active, token generation) is cached in memory, since every request asks for it; every write
 * goes through this class and drops the cached entry, and a commit by another replica on the same
 * file (`BANJIE_WORKERS`) clears the cache before the next check.
 */
export class UserDirectory {
  private readonly db: Database.Database;
  private readonly standings = new Map<string, UserStanding | null>();
  private readonly dataVersion: Database.Statement;
  private seenDataVersion = -1;

  constructor(dataDir: string | undefined) {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    this.db = new Database(dataDir ? join(dataDir, 'users.sqlite') : ':memory:');
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS users (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, roles TEXT NOT NULL, zone_id TEXT NOT NULL, groups TEXT NOT NULL, password_hash TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS seeds (name TEXT PRIMARY KEY, at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS revoked_tokens (token_hash TEXT PRIMARY KEY, expires_ms INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS used_sse_tickets (id TEXT PRIMARY KEY, expires_ms INTEGER NOT NULL)`);
    // Data dirs from before deactivation and password changes get the two columns once.
    const columns = new Set((this.db.prepare('PRAGMA table_info(users)').all() as { name: string }[]).map((c) => c.name));
    if (!columns.has('active')) this.db.exec('ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1');
    if (!columns.has('token_generation')) this.db.exec('ALTER TABLE users ADD COLUMN token_generation INTEGER NOT NULL DEFAULT 0');
    this.dataVersion = this.db.prepare('PRAGMA data_version');
  }

  find(id: string): (StoredUser & { active: boolean }) | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && { ...toView(row), passwordHash: row.password_hash, tokenGeneration: row.token_generation };
  }

  /**
   * Whether the user exists and is active, and its current token generation; cached until another
   * connection (another replica on this data dir) commits to `users.sqlite`.
   */
  standing(id: string): UserStanding | undefined {
    this.forgetStandingsChangedElsewhere();
    let standing = this.standings.get(id);
    if (standing === undefined) {
      const row = this.db.prepare('SELECT active, token_generation FROM users WHERE id = ?').get(id) as Pick<UserRow, 'active' | 'token_generation'> | undefined;
      standing = row ? { active: row.active === 1, tokenGeneration: row.token_generation } : null;
      this.standings.set(id, standing);
    }
    return standing ?? undefined;
  }

  /** The active users of a zone, by id, without their password hashes. */
  listZone(zoneId: ZoneId): UserView[] {
    return this.listManaged(zoneId)
      .filter((u) => u.active)
      .map(({ id, name, roles, zoneId: zone, groups }) => ({ id, name, roles, zoneId: zone, groups }));
  }

  /** Every user of a zone (every zone when left out), active or not, by id, without password hashes. */
  listManaged(zoneId?: ZoneId): ManagedUserView[] {
    const rows = (zoneId === undefined ? this.db.prepare('SELECT * FROM users ORDER BY zone_id, id').all() : this.db.prepare('SELECT * FROM users WHERE zone_id = ? ORDER BY id').all(zoneId)) as UserRow[];
    return rows.map(toView);
  }

  /** One page of the users of a zone (every zone when left out), by zone and id; `activeOnly` leaves deactivated users out. */
  page(filter: { zoneId?: ZoneId; activeOnly: boolean }, request: PageRequest): Page<ManagedUserView> {
    const after = USER_CURSOR.after(request);
    const rows = this.db
      .prepare(
        `SELECT * FROM users WHERE (@zoneId IS NULL OR zone_id = @zoneId) AND (@activeOnly = 0 OR active = 1)
         AND (@afterZone IS NULL OR zone_id > @afterZone OR (zone_id = @afterZone AND id > @afterId))
         ORDER BY zone_id, id LIMIT @fetch`,
      )
      .all({ zoneId: filter.zoneId ?? null, activeOnly: filter.activeOnly ? 1 : 0, afterZone: after?.[0] ?? null, afterId: after?.[1] ?? null, fetch: fetchSize(request) }) as UserRow[];
    return USER_CURSOR.page(rows, request, (row) => [row.zone_id, row.id], toView);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  /** Adds a new user; false when the id is taken. */
  add(user: StoredUser): boolean {
    const added = this.addMissing([user]) === 1;
    this.standings.delete(user.id);
    return added;
  }

  /** Adds the users that do not exist yet; returns how many were added. */
  addMissing(users: StoredUser[]): number {
    const insert = this.db.prepare('INSERT OR IGNORE INTO users (id, name, roles, zone_id, groups, password_hash, active) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const added = this.db.transaction(() =>
      users.reduce((n, u) => n + insert.run(u.id, u.name, JSON.stringify(u.roles), u.zoneId, JSON.stringify(u.groups), u.passwordHash, u.active === false ? 0 : 1).changes, 0),
    )();
    for (const u of users) this.standings.delete(u.id);
    return added;
  }

  /**
   * Changes a user; a change of roles, zone, groups or active flag also ends the tokens issued
   * before it (they carry the old claims). Answers the user as changed, or undefined when unknown.
   */
  update(id: string, change: UserChange): ManagedUserView | undefined {
    const current = this.find(id);
    if (!current) return undefined;
    const next = { ...current, ...definedOnly(change) };
    const claimsChanged =
      next.zoneId !== current.zoneId || next.active !== current.active || !sameList(next.roles, current.roles) || !sameList(next.groups, current.groups);
    this.db
      .prepare('UPDATE users SET name = ?, roles = ?, zone_id = ?, groups = ?, active = ?, token_generation = token_generation + ? WHERE id = ?')
      .run(next.name, JSON.stringify(next.roles), next.zoneId, JSON.stringify(next.groups), next.active ? 1 : 0, claimsChanged ? 1 : 0, id);
    this.standings.delete(id);
    return this.listOne(id);
  }

  /** Sets a new password hash and ends every token issued before. */
  setPasswordHash(id: string, passwordHash: string): void {
    this.db.prepare('UPDATE users SET password_hash = ?, token_generation = token_generation + 1 WHERE id = ?').run(passwordHash, id);
    this.standings.delete(id);
  }

  /**
   * Revokes one token (sign-out) until it would have expired anyway, by its SHA-256: kept in
   * `users.sqlite`, so a restart keeps it revoked. Expired entries are dropped on the way.
   */
  revokeToken(tokenHash: string, expiresMs: number): void {
    this.db.prepare('DELETE FROM revoked_tokens WHERE expires_ms < ?').run(Date.now());
    this.db.prepare('INSERT OR REPLACE INTO revoked_tokens (token_hash, expires_ms) VALUES (?, ?)').run(tokenHash, expiresMs);
  }

  /**
   * Marks a live-stream ticket used (`SseTickets`); false when it was used before, by this process
   * or by another replica on the same data dir. Expired entries are dropped on the way.
   */
  markTicketUsed(id: string, expiresMs: number): boolean {
    this.db.prepare('DELETE FROM used_sse_tickets WHERE expires_ms < ?').run(Date.now());
    return this.db.prepare('INSERT OR IGNORE INTO used_sse_tickets (id, expires_ms) VALUES (?, ?)').run(id, expiresMs).changes === 1;
  }

  /** Whether a token (by its SHA-256) was revoked. */
  isRevoked(tokenHash: string): boolean {
    return this.db.prepare('SELECT 1 FROM revoked_tokens WHERE token_hash = ?').get(tokenHash) !== undefined;
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

  /** `data_version` moves when another connection commits: a replica changed a user (or marked a ticket), so the cache may be stale. */
  private forgetStandingsChangedElsewhere(): void {
    const version = this.dataVersion.get() as { data_version: number };
    if (version.data_version === this.seenDataVersion) return;
    this.seenDataVersion = version.data_version;
    this.standings.clear();
  }

  private listOne(id: string): ManagedUserView | undefined {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row && toView(row);
  }
}

function toView(row: UserRow): ManagedUserView {
  return {
    id: row.id,
    name: row.name,
    roles: JSON.parse(row.roles) as Role[],
    zoneId: row.zone_id as ZoneId,
    groups: JSON.parse(row.groups) as string[],
    active: row.active === 1,
  };
}

function definedOnly(change: UserChange): UserChange {
  return Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) as UserChange;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

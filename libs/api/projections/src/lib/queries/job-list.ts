import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** A service-task job. */
export interface JobEntry {
  id: string;
  caseId: string;
  zoneId: string;
  jobType: string;
  elementId: string;
  status: 'open' | 'completed' | 'failed' | 'cancelled';
}

/** Queries on the jobs read model. */
@Injectable()
export class JobList {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  find(id: string): JobEntry | undefined {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row && toJob(row);
  }

  open(limit = 500): JobEntry[] {
    return (this.db.prepare("SELECT * FROM jobs WHERE status = 'open' ORDER BY rowid LIMIT ?").all(limit) as JobRow[]).map(toJob);
  }

  /** Open jobs of one type, oldest first, of one zone or (no zone) of every zone: candidates for an external worker. */
  openOfType(jobType: string, zoneId: string | undefined, limit: number): JobEntry[] {
    const rows = zoneId === undefined
      ? this.db.prepare("SELECT * FROM jobs WHERE job_type = ? AND status = 'open' ORDER BY rowid LIMIT ?").all(jobType, limit)
      : this.db.prepare("SELECT * FROM jobs WHERE job_type = ? AND status = 'open' AND zone_id = ? ORDER BY rowid LIMIT ?").all(jobType, zoneId, limit);
    return (rows as JobRow[]).map(toJob);
  }
}

interface JobRow {
  id: string;
  case_id: string;
  zone_id: string;
  job_type: string;
  element_id: string;
  status: JobEntry['status'];
}

function toJob(r: JobRow): JobEntry {
  return { id: r.id, caseId: r.case_id, zoneId: r.zone_id, jobType: r.job_type, elementId: r.element_id, status: r.status };
}

import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { READ_MODEL_DB } from '../read-models/read-model-database';

/** The anchored head hash of each case's chain. */
@Injectable()
export class CaseAnchors {
  constructor(@Inject(READ_MODEL_DB) private readonly db: Database.Database) {}

  of(caseId: string): { revision: number; hash: string } | undefined {
    return this.db.prepare('SELECT revision, hash FROM case_anchors WHERE case_id = ?').get(caseId) as { revision: number; hash: string } | undefined;
  }
}

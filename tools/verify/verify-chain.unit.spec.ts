import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { canonicalEventHash, openSqliteEventStore } from '@banjie/event-store';
import { describeCheck, verifyCaseFile, verifyStore } from './verify-chain';

/** A case file of three events chained with the store's hash function. */
function caseFile() {
  const stream = 'case-c1';
  const events: Record<string, unknown>[] = [];
  let prevHash = '';
  for (let revision = 0; revision < 3; revision++) {
    const fields = { prevHash, stream, revision: BigInt(revision), id: `e${revision}`, type: 'VariablesSet', data: { variables: { n: revision } }, metadata: { actor: { id: 'lf-clerk' } }, recordedAt: `2026-03-02T01:0${revision}:00.000Z` };
    const hash = canonicalEventHash(fields);
    events.push({ ...fields, revision, hash });
    prevHash = hash;
  }
  return { format: 'banjie-case-file', formatVersion: 1, caseId: 'c1', stream, headHash: prevHash, events };
}

describe('verifyCaseFile', () => {
  it('finds an untouched case file intact, up to its head hash', async () => {
    // given
    const file = caseFile();

    // when
    const check = await verifyCaseFile(JSON.stringify(file));

    // then
    expect(check.result).toEqual({ valid: true, events: 3, headHash: file.headHash });
    expect(describeCheck(check)).toContain('完整 intact  case-c1: 3 events');
  });

  it('names the first revision whose content was altered', async () => {
    // given
    const file = caseFile();
    (file.events[1]['data'] as { variables: { n: number } }).variables.n = 42;

    // when
    const check = await verifyCaseFile(JSON.stringify(file));

    // then
    expect(check.result).toMatchObject({ valid: false, brokenAt: 1n, reason: 'hash does not match the event content' });
    expect(describeCheck(check)).toContain('断链 BROKEN  case-c1: at revision 1');
  });

  it('notices the newest events cut off when anchored to the head hash the server reported', async () => {
    // given
    const file = caseFile();
    const head = file.headHash;
    file.events.pop();
    file.headHash = file.events[1]['hash'] as string;

    // when
    const check = await verifyCaseFile(JSON.stringify(file), head);

    // then
    expect(check.result.valid).toBe(false);
  });

  it('refuses what is not a case file, naming the problem', async () => {
    await expect(verifyCaseFile('{')).rejects.toThrow('not JSON');
    await expect(verifyCaseFile('{"format":"x"}')).rejects.toThrow('"format" must be "banjie-case-file"');
    const file = caseFile();
    delete file.events[2]['id'];
    await expect(verifyCaseFile(JSON.stringify(file))).rejects.toThrow('event #2 has no "id"');
  });
});

describe('verifyStore', () => {
  it('checks every stream of a SQLite store folder without the server', async () => {
    // given
    const dir = mkdtempSync(join(tmpdir(), 'banjie-verify-'));
    try {
      const store = openSqliteEventStore({ path: join(dir, 'events.sqlite'), checkpointInWorker: false });
      await store.append('case-a', [{ type: 'CaseStarted', data: { n: 1 } }, { type: 'VariablesSet', data: { n: 2 } }], { expected: 'no_stream' });
      await store.append('case-b', [{ type: 'CaseStarted', data: { n: 3 } }], { expected: 'no_stream' });
      await store.close();

      // when
      const checks = await verifyStore(dir);

      // then
      expect(checks.map((check) => [check.stream, check.result.valid, check.result.events])).toEqual([
        ['case-a', true, 2],
        ['case-b', true, 1],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('says when the folder holds no store', async () => {
    await expect(verifyStore(join(tmpdir(), 'no-such-banjie-store'))).rejects.toThrow('no event store at');
  });
});

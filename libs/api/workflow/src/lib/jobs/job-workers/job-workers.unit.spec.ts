import { issueCertificateWorker } from './issue-certificate.worker';
import { recordCreditWorker } from './record-credit.worker';
import { registerEnterpriseWorker } from './register-enterprise.worker';
import type { WorkerJob } from './job-worker';

const job = (jobType: string): WorkerJob => ({ jobId: 'a1b2c3d4-0000-4000-8000-000000000000', jobType, caseId: 'case-1', zoneId: 'tg', elementId: 'Task', variables: {}, now: '2026-03-02T01:00:00.000Z' });

describe('the in-process job workers of the zone flows', () => {
  it('register-enterprise gives a registration number and the three free seals', () => {
    // when
    const result = registerEnterpriseWorker.work(job('register-enterprise'));

    // then
    expect(result).toEqual({ registrationNo: 'TG-REG-A1B2C3D4', freeSeals: ['公章', '财务专用章', '发票专用章'], sealFee: 0 });
  });

  it('record-credit gives a credit record number, the same for a retried job', () => {
    // when
    const first = recordCreditWorker.work(job('record-credit'));
    const again = recordCreditWorker.work(job('record-credit'));

    // then
    expect(first).toEqual({ creditRecordNo: 'TG-CR-A1B2C3D4', creditRecorded: true });
    expect(again).toEqual(first);
  });

  it('issue-certificate marks the certificate issued', () => {
    // when
    const result = issueCertificateWorker.work(job('issue-certificate'));

    // then
    expect(result).toMatchObject({ certificateIssued: true, certificateNo: 'TG-20260302-A1B2C3D4' });
  });
});

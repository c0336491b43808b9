/** A job as a worker sees it. */
export interface WorkerJob {
  jobId: string;
  jobType: string;
  caseId: string;
  zoneId: string;
  elementId: string;
  variables: Record<string, unknown>;
  /** The instant the job is worked, by the api's clock (ISO-8601). */
  now: string;
}

/** Does the work of one service-task type in process; returns the variables to complete the job with. */
export interface JobWorker {
  readonly jobType: string;
  work(job: WorkerJob): Promise<Record<string, unknown>> | Record<string, unknown>;
}

/**
 * The HTTP contract of `docs/api.md` as TypeScript types, shared by the api and the web client.
 * Times are ISO-8601 strings with offset.
 */

export const ROLES = ['designer', 'clerk', 'agent', 'leader', 'applicant', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ZONES = ['lf', 'cz', 'yp', 'az', 'xy', 'tg', 'sd'] as const;
/** Zone code of a development zone; `province` for province-wide users (auditors, admin). */
export type ZoneId = (typeof ZONES)[number] | 'province';

export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'invalid_bpmn'
  | 'invalid_variables'
  | 'definition_withdrawn'
  | 'rate_limited'
  | 'idempotency_key_reused'
  | 'store_unavailable'
  | 'internal';

export interface ErrorDetail {
  elementId?: string;
  elementType?: string;
  field?: string;
  message: string;
}

export interface ErrorBody {
  error: ErrorCode;
  message: string;
  details?: ErrorDetail[];
}

export interface UserView {
  id: string;
  name: string;
  roles: Role[];
  zoneId: ZoneId;
  groups: string[];
}

export interface LoginRequest {
  username: string;
  password: string;
}

export interface LoginResponse {
  accessToken: string;
  user: UserView;
}

/** A user as an admin manages it (`GET /api/users?includeInactive=true`, `POST`/`PATCH /api/users`): with whether it may sign in. */
export interface ManagedUserView extends UserView {
  active: boolean;
}

/** Body of `POST /api/users` (admins; a zone's admin only in its zone). */
export interface CreateUserRequest {
  id: string;
  name: string;
  password: string;
  zoneId: ZoneId;
  roles: Role[];
  groups: string[];
}

/** Body of `PATCH /api/users/:id`: only the fields to change; `active: false` deactivates. */
export interface UpdateUserRequest {
  name?: string;
  zoneId?: ZoneId;
  roles?: Role[];
  groups?: string[];
  active?: boolean;
}

/** Body of `POST /api/auth/password`: the signed-in user changes its own password. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** Answer of `POST /api/auth/sse-ticket`: a single-use ticket for one live stream (`?ticket=`). */
export interface SseTicketResponse {
  ticket: string;
  expiresAt: string;
}

export interface HealthView {
  status: 'ok' | 'degraded';
  store: 'sqlite' | 'kurrentdb' | 'memory';
  [key: string]: unknown;
}

export interface DeployRequest {
  xml: string;
  forms?: Record<string, unknown>;
  /** DMN 1.3 resources deployed with the flow, by file name (`dish.dmn` → its XML), as Camunda deploys `.dmn` files beside a `.bpmn`. */
  decisions?: Record<string, string>;
}

export interface Problem {
  elementId?: string;
  elementType?: string;
  message: string;
}

export interface DeploymentView {
  key: string;
  version: number;
  name: string;
  hash: string;
  deployedAt: string;
  warnings: Problem[];
}

export interface DefinitionSummary {
  key: string;
  version: number;
  name: string;
  deployedAt: string;
  /** True when the flow is withdrawn (no new cases); listed so to designers, admins and auditors only. */
  withdrawn?: boolean;
  /** The zone whose key it is (keys are per zone; province-wide users list every zone's). */
  zoneId?: ZoneId;
}

/** Answer of `POST /api/definitions/:key/withdraw` and `/restore`. */
export interface DefinitionStatusView {
  key: string;
  withdrawn: boolean;
  changedAt: string;
  changedBy?: string;
}

export interface DefinitionView extends DefinitionSummary {
  hash: string;
  zoneId: ZoneId;
  xml: string;
  forms: Record<string, unknown>;
  /** The DMN resources deployed with this version, by file name (`{}` when none). */
  decisions?: Record<string, string>;
  /** Every deployed version of the flow, newest first, with its running cases counted on the server. */
  versions?: DefinitionVersionSummary[];
}

/** One deployed version of a flow in `DefinitionView.versions`. */
export interface DefinitionVersionSummary {
  version: number;
  deployedAt: string;
  /** Cases of this version that are still active. */
  running: number;
}

export type CaseStatus = 'active' | 'completed' | 'cancelled' | 'terminated';
export type Warning = 'none' | 'yellow' | 'red';

export interface StartCaseRequest {
  definitionKey: string;
  version?: number;
  businessKey?: string;
  variables?: Record<string, unknown>;
  /** The zone of the definition (keys are per zone): for province-wide callers when several zones deployed the key. */
  zoneId?: ZoneId;
}

export interface TaskView {
  id: string;
  caseId: string;
  elementId: string;
  name: string;
  assignee?: string;
  candidateGroups: string[];
  candidateUsers?: string[];
  formId?: string;
  createdAt: string;
  dueAt?: string;
  limitWorkingDays?: number;
  warning: Warning;
  /** The deadline runs into a year whose State Council holiday notice is not loaded: counted on the statutory days of the law only. */
  provisional?: boolean;
  /** Why the deadline is provisional (Chinese, then English), for a hover. */
  provisionalReason?: string;
  status?: 'open' | 'completed';
  completedAt?: string;
  completedBy?: string;
  businessKey?: string;
  definitionKey?: string;
}

export interface CaseView {
  id: string;
  businessKey: string;
  definitionKey: string;
  version: number;
  zoneId: ZoneId;
  status: CaseStatus;
  variables: Record<string, unknown>;
  active: { elementId: string; elementType: string; since: string }[];
  completed: { elementId: string; count: number }[];
  takenFlows: string[];
  tasks: TaskView[];
  timers: { id: string; elementId: string; dueAt: string }[];
  incidents: { id: string; elementId: string; message: string }[];
  /** The open legal deadlines (法定时限) of the case's elements. */
  deadlines?: DeadlineView[];
  /** The messages the case waits for (a supplement, 补正), sent with `POST /api/messages`; absent when none. */
  messageSubscriptions?: MessageSubscriptionView[];
  /** The applicant's 好差评 rating, once given. */
  evaluation?: CaseEvaluationView;
  startedAt: string;
  endedAt?: string;
  revision: number;
}

/** A message the case waits for: `POST /api/messages {name: messageName, correlationKey}` delivers it. */
export interface MessageSubscriptionView {
  elementId: string;
  messageName: string;
  correlationKey: string;
}

/** The applicant's 好差评 rating of a case: 5 = 非常满意 … 1 = 非常不满意. */
export interface CaseEvaluationView {
  rating: number;
  comment?: string;
  userId: string;
  at: string;
}

/** An open incident of `GET /api/incidents`: a case's token waits at `elementId` until it is fixed and retried. */
export interface IncidentView {
  id: string;
  caseId: string;
  businessKey: string;
  definitionKey: string;
  elementId: string;
  message: string;
  /** When the engine raised it (ISO-8601). */
  since: string;
}

/** Body of `POST /api/cases/:id/variables`: variables set on the case, or on one active scope. */
export interface SetVariablesRequest {
  variables: Record<string, unknown>;
  scopeId?: string;
}

/** An open legal deadline: a limit of working days counted from `startedAt`. */
export interface DeadlineView {
  elementInstanceId: string;
  elementId: string;
  taskId?: string;
  limitWorkingDays: number;
  startedAt: string;
  /** When the yellow warning is due (80 % of the limit unless the model says otherwise). */
  yellowAt: string;
  /** The end of the last working day of the limit (the first instant of the next calendar day). */
  dueAt: string;
  warning: Warning;
  /** Working days added by pauses of the legal clock (补正时间不计入时限). */
  extendedWorkingDays?: number;
  provisional?: boolean;
  provisionalReason?: string;
}

export interface CaseSummary {
  id: string;
  businessKey: string;
  definitionKey: string;
  version: number;
  zoneId: ZoneId;
  status: CaseStatus;
  startedAt: string;
  endedAt?: string;
  warning?: Warning;
}

export interface CaseEventView {
  revision: number;
  /** The event's id in the store, which its hash covers (so an exported case file verifies offline). */
  id?: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
  recordedAt: string;
  hash: string;
  prevHash: string;
}

export type VerifyView = { valid: true; events: number; headHash: string } | { valid: false; brokenAt: number; events?: number };

export interface CompleteTaskRequest {
  variables?: Record<string, unknown>;
}

export interface CorrelateMessageRequest {
  name: string;
  correlationKey: string;
  variables?: Record<string, unknown>;
}

export interface EvaluationRequest {
  rating: 1 | 2 | 3 | 4 | 5;
  comment?: string;
}

export interface StatsView {
  zoneId: ZoneId;
  cases: { active: number; completed: number };
  onTimeRate: number | null;
  yellow: number;
  red: number;
  meanWorkingDays: number | null;
  satisfaction: number | null;
  /** Per flow: its cases and the mean working days its completed cases took (optional: added for the zone dashboard). */
  flows?: StatsFlow[];
  /** Per step with a legal limit: the limit against the mean working days the closed deadlines used. */
  steps?: StatsStep[];
  /** Cases started and completed per week (Monday, Beijing time), the last 12 weeks, oldest first. */
  weeks?: StatsWeek[];
  /** Open deadlines counted over a year whose State Council holiday notice is not loaded (absent when none). */
  provisional?: { deadlines: number; years: number[]; reason: string };
}

/** One flow of `StatsView.flows`. */
export interface StatsFlow {
  definitionKey: string;
  active: number;
  completed: number;
  meanWorkingDays: number | null;
}

/** One step of `StatsView.steps`: `limitWorkingDays` is the mean legal limit set on it, `meanUsedWorkingDays` the mean working days its closed deadlines took, `open`/`red` its open deadlines and those past the limit. */
export interface StatsStep {
  definitionKey: string;
  elementId: string;
  limitWorkingDays: number;
  meanUsedWorkingDays: number | null;
  closed: number;
  open: number;
  red: number;
}

/** `GET /api/stats/heat`: where the active cases of one flow wait, element by element (the diagram's heat overlay). */
export interface HeatView {
  zoneId: ZoneId;
  definitionKey: string;
  /** The elements where at least one active case waits, by element id. */
  elements: HeatElement[];
}

/**
 * One element of `HeatView.elements`: `activeCases` counts the active cases waiting there (an open
 * task, job, timer, message subscription or incident), `openTasks` its open user tasks, `overdue`
 * and `yellow` its open deadlines past the limit (red card) and near it (yellow card).
 */
export interface HeatElement {
  elementId: string;
  activeCases: number;
  openTasks: number;
  overdue: number;
  yellow: number;
}

/** One week of `StatsView.weeks`: `week` is its Monday, `YYYY-MM-DD`. */
export interface StatsWeek {
  week: string;
  started: number;
  completed: number;
}

/** One day of a holiday arrangement: `date` is `YYYY-MM-DD` (Beijing time), `name` what it is for (元旦, 春节, 调休 …). */
export interface CalendarDay {
  date: string;
  name: string;
}

/**
 * Where the national arrangement of a year comes from: a State Council notice loaded by an admin,
 * the table shipped with `chinese-days`, or only the statutory days of the law (provisional).
 */
export type CalendarSource = 'notice' | 'package' | 'law';

/** Body of `PUT /api/calendar/national/:year` and `PUT /api/calendar/zones/:zoneId/:year`. */
export interface CalendarYearRequest {
  /** Days off: for the nation every day of the notice's holidays (weekend days inside them too); for a zone its local holidays. */
  daysOff: CalendarDay[];
  /** Working days on a weekend: the notice's 调休上班 days, or a zone's weekend service days. */
  workingDays: CalendarDay[];
  /** Where the arrangement comes from, e.g. 国办发明电〔2026〕X号. */
  note?: string;
}

/** The national arrangement of one year as the calendar counts it. */
export interface NationalCalendarYearView {
  year: number;
  source: CalendarSource;
  /** No notice is loaded and the package does not cover the year: deadlines in it are provisional. */
  provisional: boolean;
  daysOff: CalendarDay[];
  workingDays: CalendarDay[];
  loadedAt?: string;
  loadedBy?: string;
  note?: string;
}

/** A zone's own changes to the national calendar in one year. */
export interface ZoneCalendarYearView {
  zoneId: ZoneId;
  year: number;
  daysOff: CalendarDay[];
  workingDays: CalendarDay[];
  setAt?: string;
  setBy?: string;
  note?: string;
}

/** What a calendar change did: the event that records it and the open deadlines it moved. */
export interface CalendarChangeView {
  change: { id: string; kind: 'national' | 'zone'; year: number; zoneId?: ZoneId; description: string; at: string };
  recomputed: { cases: number; deadlines: number };
}

export interface NationalCalendarChangeView extends CalendarChangeView {
  calendar: NationalCalendarYearView;
}

export interface ZoneCalendarChangeView extends CalendarChangeView {
  calendar: ZoneCalendarYearView;
}

/** A job handed to an external worker by `POST /api/jobs/activate` (Zeebe's ActivatedJob). */
export interface ActivatedJobView {
  /** The job's id: complete, fail or throw an error with it. */
  jobKey: string;
  type: string;
  caseId: string;
  definitionKey: string;
  version: number;
  elementId: string;
  worker: string;
  retries: number;
  /** Until when the job is this worker's; after it, another activation may take it. */
  deadline: string;
  variables: Record<string, unknown>;
}

/** The answer of `POST /api/jobs/activate`: up to `maxJobs` jobs, empty when none came before `requestTimeout`. */
export interface ActivateJobsView {
  jobs: ActivatedJobView[];
}

/** What `PATCH /api/jobs/:id {changeset}` changes on a job (Camunda v2 REST "update a job"): at least one of the two. */
export interface JobChangeset {
  /** New retries, from 1: a job its incident holds is given back with them when the incident is resolved. */
  retries?: number;
  /** Milliseconds from now that an activated job stays its worker's. */
  timeout?: number;
}

/** Body of `PATCH /api/jobs/:id`. */
export interface UpdateJobRequest {
  changeset: JobChangeset;
}

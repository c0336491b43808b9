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

export interface HealthView {
  status: 'ok' | 'degraded';
  store: 'sqlite' | 'kurrentdb' | 'memory';
  [key: string]: unknown;
}

export interface DeployRequest {
  xml: string;
  forms?: Record<string, unknown>;
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
}

export interface DefinitionView extends DefinitionSummary {
  hash: string;
  zoneId: ZoneId;
  xml: string;
  forms: Record<string, unknown>;
}

export type CaseStatus = 'active' | 'completed' | 'cancelled' | 'terminated';
export type Warning = 'none' | 'yellow' | 'red';

export interface StartCaseRequest {
  definitionKey: string;
  version?: number;
  businessKey?: string;
  variables?: Record<string, unknown>;
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
  startedAt: string;
  endedAt?: string;
  revision: number;
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
}

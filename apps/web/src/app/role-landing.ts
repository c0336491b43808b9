import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import type { Role, UserView } from '@banjie/contracts';
import { AuthSession } from '@banjie/web-data-access';

/** The pages of the menu, by their route path. */
export type AppPage = 'my-applications' | 'inbox' | 'cases' | 'dashboard' | 'operations' | 'designer' | 'admin/calendar' | 'admin/users';

/**
 * Who may open each page: the roles for which every call the page makes is answered (the role
 * table of `apps/api/README.md`, the `@Roles` of the controllers). Anyone else never sees the
 * page in the menu, and a guard sends them to their landing page instead of a 403.
 */
export const PAGE_ROLES: Record<AppPage, readonly Role[]> = {
  /** Own cases, start, 补正, rating: `POST /api/cases/:id/evaluation` is the applicant's alone. */
  'my-applications': ['applicant'],
  /** `GET /api/tasks` and claim/unclaim/complete. The auditor may read tasks but works none (every write answers 403). */
  inbox: ['clerk', 'agent', 'leader', 'admin'],
  /** The case search (`GET /api/cases`). Applicants follow their own cases on 我的申请. */
  cases: ['designer', 'clerk', 'agent', 'leader', 'auditor', 'admin'],
  /** The zone dashboard (`GET /api/stats`): a leader's own zone, any zone for auditors and admins. */
  dashboard: ['leader', 'auditor', 'admin'],
  /** `GET /api/incidents`, variables and retry: leader, admin. */
  operations: ['leader', 'admin'],
  /** `POST /api/definitions`: designer, admin. */
  designer: ['designer', 'admin'],
  /** `PUT /api/calendar/…`: admin. */
  'admin/calendar': ['admin'],
  /** `POST`/`PATCH /api/users`, `GET /api/users?includeInactive=true`: admin. */
  'admin/users': ['admin'],
};

/** The roles that work tasks: their desk is the inbox. */
const TASK_ROLES: readonly Role[] = ['clerk', 'agent', 'leader'];

/** Whether the user may open the page (and so whether the menu offers it). */
export function mayOpen(user: UserView | null, page: AppPage): boolean {
  return !!user && user.roles.some((role) => PAGE_ROLES[page].includes(role));
}

/**
 * The one place that decides where a user lands. A user with several roles lands on the first
 * that applies: clerk/agent/leader → 待办 Inbox, designer → 流程设计 Designer, admin → 运维
 * Operations, auditor → 案件 Cases (the case search), applicant → 我的申请 My applications.
 * Leaders land on the inbox, where their work is; the zone dashboard is one click away in the menu.
 */
export function landingPage(user: UserView | null): AppPage {
  const roles = user?.roles ?? [];
  if (roles.some((role) => TASK_ROLES.includes(role))) return 'inbox';
  if (roles.includes('designer')) return 'designer';
  if (roles.includes('admin')) return 'operations';
  if (roles.includes('auditor')) return 'cases';
  if (roles.includes('applicant')) return 'my-applications';
  return 'cases';
}

/** Where `/` leads: the signed-in user's landing page. */
export function landingPath(): string {
  return landingPage(inject(AuthSession).user());
}

/**
 * Lets a user onto the page only when their roles may use it; anyone else goes to their own
 * landing page, quietly (no error flash). The landing page itself always lets its user in.
 */
export function pageGuard(page: AppPage): CanActivateFn {
  return () => {
    const user = inject(AuthSession).user();
    if (mayOpen(user, page) || landingPage(user) === page) return true;
    return inject(Router).parseUrl(`/${landingPage(user)}`);
  };
}

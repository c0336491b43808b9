import type { Route } from '@angular/router';
import { signedInGuard } from '@banjie/web-data-access';
import { LoginPage } from './login-page';

/**
 * The pages of the app. Feature pages load on first visit, so the designer's bpmn-js modeler
 * and the form renderer stay out of the initial bundle.
 */
export const appRoutes: Route[] = [
  { path: 'login', component: LoginPage, title: '登录 Sign in · 办结' },
  {
    path: '',
    canActivate: [signedInGuard],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'inbox' },
      { path: 'inbox', title: '待办 Inbox · 办结', loadComponent: () => import('@banjie/web-inbox').then((m) => m.InboxPage) },
      { path: 'cases', title: '案件 Cases · 办结', loadComponent: () => import('@banjie/web-case-view').then((m) => m.CaseListPage) },
      { path: 'cases/:id', title: '案件 Case · 办结', loadComponent: () => import('@banjie/web-case-view').then((m) => m.CasePage) },
      { path: 'designer', title: '流程设计 Designer · 办结', loadComponent: () => import('@banjie/web-designer').then((m) => m.DesignerPage) },
      { path: 'admin/calendar', title: '节假日 Calendar · 办结', loadComponent: () => import('@banjie/web-admin').then((m) => m.CalendarAdminPage) },
    ],
  },
  { path: '**', redirectTo: '' },
];

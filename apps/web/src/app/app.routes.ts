import type { Route } from '@angular/router';
import { signedInGuard } from '@banjie/web-data-access';
import { LoginPage } from './login-page';
import { landingPath, pageGuard } from './role-landing';

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
      { path: '', pathMatch: 'full', redirectTo: landingPath },
      { path: 'my-applications', canActivate: [pageGuard('my-applications')], title: '我的申请 My applications · 办结', loadComponent: () => import('@banjie/web-applicant').then((m) => m.MyApplicationsPage) },
      { path: 'inbox', canActivate: [pageGuard('inbox')], title: '待办 Inbox · 办结', loadComponent: () => import('@banjie/web-inbox').then((m) => m.InboxPage) },
      { path: 'dashboard', canActivate: [pageGuard('dashboard')], title: '看板 Dashboard · 办结', loadComponent: () => import('@banjie/web-dashboard').then((m) => m.DashboardPage) },
      { path: 'operations', canActivate: [pageGuard('operations')], title: '运维 Operations · 办结', loadComponent: () => import('@banjie/web-operations').then((m) => m.OperationsPage) },
      { path: 'cases', canActivate: [pageGuard('cases')], title: '案件 Cases · 办结', loadComponent: () => import('@banjie/web-case-view').then((m) => m.CaseListPage) },
      { path: 'cases/:id', title: '案件 Case · 办结', loadComponent: () => import('@banjie/web-case-view').then((m) => m.CasePage) },
      { path: 'designer', canActivate: [pageGuard('designer')], title: '流程设计 Designer · 办结', loadComponent: () => import('@banjie/web-designer').then((m) => m.DesignerPage) },
      { path: 'admin/calendar', canActivate: [pageGuard('admin/calendar')], title: '节假日 Calendar · 办结', loadComponent: () => import('@banjie/web-admin').then((m) => m.CalendarAdminPage) },
      { path: 'admin/users', canActivate: [pageGuard('admin/users')], title: '用户 Users · 办结', loadComponent: () => import('@banjie/web-admin').then((m) => m.UsersAdminPage) },
      { path: 'account/password', title: '修改密码 Change password · 办结', loadComponent: () => import('@banjie/web-admin').then((m) => m.ChangePasswordPage) },
    ],
  },
  { path: '**', redirectTo: '' },
];

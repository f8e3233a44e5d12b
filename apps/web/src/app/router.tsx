import { createBrowserRouter, type RouteObject } from 'react-router';
import { ErrorPage } from './ErrorPage';
import { Layout } from './Layout';

/**
 * Every route of the app, each area loaded on demand (`lazy`): a page downloads its own code only,
 * so the scanner never loads the back office. To add a page: a component exported as `Component`
 * from its area's folder, and one entry here with its UI.md path.
 */
export const routes: RouteObject[] = [
  {
    path: '/',
    Component: Layout,
    ErrorBoundary: ErrorPage,
    children: [
      { index: true, lazy: () => import('../programme/ProgrammePage') },
      { path: 'sessions/:id', lazy: () => import('../programme/SessionPage') },
      { path: 'login', lazy: () => import('./pages/LoginPage') },
      { path: 'signup', lazy: () => import('./pages/SignupPage') },
      { path: 'check-your-mail', lazy: () => import('./pages/CheckMailPage') },
      { path: 'verify-email', lazy: () => import('./pages/VerifyEmailPage') },
      { path: 'forgot-password', lazy: () => import('./pages/ForgotPasswordPage') },
      { path: 'reset-password', lazy: () => import('./pages/ResetPasswordPage') },
      // Placeholders until their pages are built (issue 16): the navigation already links to them.
      { path: 'schedule', lazy: () => import('../programme/SchedulePage') },
      { path: 'badge', lazy: () => import('../programme/BadgePage') },
      { path: 'credits', lazy: () => import('../programme/CreditsPage') },
      { path: 'exhibitors', lazy: () => import('../exhibition/ExhibitorsPage') },
      { path: 'exhibitors/:id', lazy: () => import('../exhibition/ExhibitorPage') },
      { path: 'floor-plan', lazy: () => import('../exhibition/FloorPlanPage') },
      { path: 'notifications', lazy: () => import('./notifications/NotificationsPage') },
      { path: 'scan', lazy: () => import('../scanning/ScanPage') },
      { path: '*', lazy: () => import('./pages/NotFoundPage') },
    ],
  },
];

export const router = createBrowserRouter(routes);

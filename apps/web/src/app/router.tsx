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
      { path: 'login', lazy: () => import('./pages/LoginPage') },
      { path: 'signup', lazy: () => import('./pages/SignupPage') },
      { path: 'check-your-mail', lazy: () => import('./pages/CheckMailPage') },
      { path: 'verify-email', lazy: () => import('./pages/VerifyEmailPage') },
      { path: 'forgot-password', lazy: () => import('./pages/ForgotPasswordPage') },
      { path: 'reset-password', lazy: () => import('./pages/ResetPasswordPage') },
      // Placeholders until their pages are built (issue 16): the navigation already links to them.
      { path: 'schedule', lazy: () => import('./pages/ComingSoonPage').then((m) => m.schedule) },
      { path: 'badge', lazy: () => import('./pages/ComingSoonPage').then((m) => m.badge) },
      { path: 'notifications', lazy: () => import('./pages/ComingSoonPage').then((m) => m.notifications) },
      { path: '*', lazy: () => import('./pages/NotFoundPage') },
    ],
  },
];

export const router = createBrowserRouter(routes);

import type { RouteObject } from 'react-router';
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
      { path: 'schedule', lazy: () => import('../programme/SchedulePage') },
      { path: 'badge', lazy: () => import('../programme/BadgePage') },
      { path: 'credits', lazy: () => import('../programme/CreditsPage') },
      { path: 'exhibitors', lazy: () => import('../exhibition/ExhibitorsPage') },
      { path: 'exhibitors/:id', lazy: () => import('../exhibition/ExhibitorPage') },
      { path: 'floor-plan', lazy: () => import('../exhibition/FloorPlanPage') },
      { path: 'notifications', lazy: () => import('./notifications/NotificationsPage') },
      { path: 'scan', lazy: () => import('../scanning/ScanPage') },
      {
        path: 'exhibitor',
        lazy: () => import('../exhibition/portal/PortalLayout'),
        children: [
          { index: true, lazy: () => import('../exhibition/portal/ProfilePage') },
          { path: 'booth', lazy: () => import('../exhibition/portal/BoothPage') },
          { path: 'staff', lazy: () => import('../exhibition/portal/StaffPage') },
        ],
      },
      // Outside the portal's shell: the leads page opens offline (its exhibitors kept on the device).
      { path: 'exhibitor/leads', lazy: () => import('../exhibition/leads/LeadsPage') },
      {
        // The organizers' back office (issue 20): its shell checks the role, each screen loads on its own.
        path: 'admin',
        lazy: () => import('../admin/AdminLayout'),
        children: [
          { index: true, lazy: () => import('../admin/AdminHome') },
          { path: 'edition', lazy: () => import('../admin/EditionPage') },
          { path: 'programme', lazy: () => import('../admin/ProgrammeAdminPage') },
          { path: 'programme/speakers', lazy: () => import('../admin/SpeakersPage') },
          { path: 'attendees', lazy: () => import('../admin/AttendeesPage') },
          { path: 'attendees/:id', lazy: () => import('../admin/AttendeePage') },
          { path: 'badges', lazy: () => import('../admin/BadgesPage') },
          { path: 'doors', lazy: () => import('../admin/DoorsPage') },
          { path: 'exhibition', lazy: () => import('../admin/ExhibitionPage') },
          { path: 'notifications', lazy: () => import('../admin/NotificationsAdminPage') },
        ],
      },
      { path: '*', lazy: () => import('./pages/NotFoundPage') },
    ],
  },
];

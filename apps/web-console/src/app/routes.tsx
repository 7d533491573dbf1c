import { lazy, type ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { CallbackPage } from '../auth/CallbackPage';
import { SignedOutPage } from '../auth/SignedOutPage';
import type { AuthSession } from '../auth/session';
import { ConsoleLayout } from '../layout/ConsoleLayout';
import type { PageKey } from '../layout/menu';
import { RequirePage } from '../layout/RequirePage';
import { NotFoundPage, RouteError } from './RouteError';
import { SignedIn } from './SignedIn';

// Each page is its own chunk: the first page loads neither the others nor their libraries (ECharts only on matching).
const HomePage = lazy(() => import('../home/HomePage'));
const ChallengeListPage = lazy(() => import('../challenges/ChallengeListPage'));
const ChallengeFormPage = lazy(() => import('../challenges/ChallengeFormPage'));
const ChallengeDetailPage = lazy(() => import('../challenges/ChallengeDetailPage'));
const VettingQueuePage = lazy(() => import('../challenges/VettingQueuePage'));
const RecommendTeamsPage = lazy(() => import('../matching/RecommendTeamsPage'));
const InboxPage = lazy(() => import('../notifications/InboxPage'));
const EnterpriseProfilePage = lazy(() => import('../enterprises/EnterpriseProfilePage'));
const EnterpriseQueuePage = lazy(() => import('../enterprises/EnterpriseQueuePage'));
const ServiceOrderFormPage = lazy(() => import('../service-orders/ServiceOrderFormPage'));
const ServiceOrderListPage = lazy(() => import('../service-orders/ServiceOrderListPage'));
const ServiceOrderDetailPage = lazy(() => import('../service-orders/ServiceOrderDetailPage'));
const ServiceOrderStatsPage = lazy(() => import('../service-orders/ServiceOrderStatsPage'));
const DistrictQueuePage = lazy(() => import('../dispatch/DispatchQueuePage').then((m) => ({ default: m.DistrictQueuePage })));
const TeamWorkPage = lazy(() => import('../dispatch/DispatchQueuePage').then((m) => ({ default: m.TeamWorkPage })));
const EscalationsPage = lazy(() => import('../dispatch/DispatchQueuePage').then((m) => ({ default: m.EscalationsPage })));
const DispatchDetailPage = lazy(() => import('../dispatch/DispatchDetailPage'));
const WebhooksPage = lazy(() => import('../webhooks/WebhooksPage'));
const PublicSearchPage = lazy(() => import('../challenges/PublicSearchPage'));
const ApplicationFormPage = lazy(() => import('../applications/ApplicationFormPage'));
const MyApplicationsPage = lazy(() => import('../applications/MyApplicationsPage'));
const ReviewBoardPage = lazy(() => import('../reviews/ReviewBoardPage'));
const MyReviewsPage = lazy(() => import('../reviews/MyReviewsPage'));
const ScorecardPage = lazy(() => import('../reviews/ScorecardPage'));
const ProjectListPage = lazy(() => import('../projects/ProjectListPage'));
const ProjectDetailPage = lazy(() => import('../projects/ProjectDetailPage'));
const PreferencesPage = lazy(() => import('../notifications/PreferencesPage'));
const DashboardPage = lazy(() => import('../dashboard/DashboardPage'));

const page = (key: PageKey, Page: ComponentType, path?: string): RouteObject => ({
  ...(path === undefined ? { index: true } : { path }),
  element: (
    <RequirePage page={key}>
      <Page />
    </RequirePage>
  ),
});

export function createRouter(session: AuthSession) {
  return createBrowserRouter([
    { path: '/auth/callback', element: <CallbackPage session={session} /> },
    { path: '/signed-out', element: <SignedOutPage session={session} /> },
    {
      path: '/',
      element: (
        <SignedIn session={session}>
          <ConsoleLayout />
        </SignedIn>
      ),
      errorElement: <RouteError />,
      children: [
        page('home', HomePage),
        page('newChallenge', ChallengeFormPage, 'challenges/new'),
        page('challenges', ChallengeListPage, 'challenges'),
        page('challenges', ChallengeDetailPage, 'challenges/:id'),
        page('vettingQueue', VettingQueuePage, 'vetting'),
        page('recommend', RecommendTeamsPage, 'matching/recommend'),
        page('newChallenge', ChallengeFormPage, 'challenges/:id/edit'),
        page('apply', ApplicationFormPage, 'challenges/:id/apply'),
        page('reviewBoard', ReviewBoardPage, 'challenges/:id/review'),
        page('search', PublicSearchPage, 'search'),
        page('myApplications', MyApplicationsPage, 'applications'),
        page('apply', ApplicationFormPage, 'applications/:appId/edit'),
        page('myReviews', MyReviewsPage, 'reviews'),
        page('myReviews', ScorecardPage, 'reviews/:id'),
        page('projects', ProjectListPage, 'projects'),
        page('projects', ProjectDetailPage, 'projects/:id'),
        page('inbox', InboxPage, 'notifications'),
        page('preferences', PreferencesPage, 'settings/notifications'),
        page('dashboard', DashboardPage, 'dashboard'),
        page('enterpriseProfile', EnterpriseProfilePage, 'enterprise/profile'),
        page('enterpriseQueue', EnterpriseQueuePage, 'enterprises'),
        page('newServiceOrder', ServiceOrderFormPage, 'service-orders/new'),
        page('serviceOrderStats', ServiceOrderStatsPage, 'service-orders/stats'),
        page('serviceOrders', ServiceOrderListPage, 'service-orders'),
        page('serviceOrders', ServiceOrderDetailPage, 'service-orders/:id'),
        page('districtQueue', DistrictQueuePage, 'dispatches'),
        page('dispatch', DispatchDetailPage, 'dispatches/:id'),
        page('teamWork', TeamWorkPage, 'team/dispatches'),
        page('escalations', EscalationsPage, 'escalations'),
        page('webhooks', WebhooksPage, 'settings/webhooks'),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

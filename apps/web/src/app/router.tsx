import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject, useLocation } from 'react-router';
import { errorMessage } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { loginPath, useSession } from '../lib/session';
import { ConsoleLayout } from './layouts/console-layout';
import { PageFallback } from './page-fallback';
import { NotFoundPage, RoutePage } from './route-page';
import { ROUTES, routeOf } from './routes';

const LoginPage = lazy(() => import('../features/auth/components/login-page'));

/** The console only renders with a session; without one it goes to the login page and comes back after. */
function RequireSession() {
  const session = useSession();
  const location = useLocation();
  const { t, locale } = useI18n();
  if (session.isPending) return <PageFallback full />;
  if (session.error) {
    return (
      <Result
        status="error"
        title={t('common.loadFailed')}
        subTitle={errorMessage(session.error, locale)}
        extra={
          <Button type="primary" onClick={() => session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!session.data) return <Navigate to={loginPath(null, location.pathname + location.search)} replace />;
  return <ConsoleLayout />;
}

const pageRoutes: RouteObject[] = ROUTES.map((route) =>
  route.path === '/'
    ? { index: true, element: <RoutePage route={route} /> }
    : { path: route.path.slice(1), element: <RoutePage route={route} /> },
);

export function createRouter() {
  // Fetch the first page's code while the session is being checked, not after.
  void routeOf(window.location.pathname)?.preload();
  return createBrowserRouter([
    {
      path: '/login',
      element: (
        <Suspense fallback={<PageFallback full />}>
          <LoginPage />
        </Suspense>
      ),
    },
    {
      path: '/',
      element: <RequireSession />,
      children: [...pageRoutes, { path: '*', element: <NotFoundPage /> }],
    },
  ]);
}

import { Button, Result } from 'antd';
import { lazy, Suspense } from 'react';
import { createBrowserRouter, Navigate, type RouteObject, useLocation } from 'react-router';
import { isStandalone } from '../features/field/pwa/display-mode';
import { prefersConsole } from '../features/field/pwa/prefer-console';
import { errorMessage } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { loginPath, useSession } from '../lib/session';
import { ConsoleLayout } from './layouts/console-layout';
import { FieldRoutePage } from './layouts/field-route-page';
import { PageFallback } from './page-fallback';
import { NotFoundPage, RoutePage } from './route-page';
import { type AppRoute, canOpen, FIELD_ROOT, ROUTES, routeOf } from './routes';

const LoginPage = lazy(() => import('../features/auth/components/login-page'));
// The phone app's frame is its own chunk: console users never load it.
const FieldLayout = lazy(() => import('./layouts/field-layout'));

/** The field app's start page, for a user who may open it. */
function fieldHomeFor(role: Parameters<typeof canOpen>[1]): string | null {
  const home = ROUTES.find((r) => r.path === FIELD_ROOT);
  return home && canOpen(home, role) ? FIELD_ROOT : null;
}

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
  // Installed on the home screen (the manifest starts at /field), a login that came back to the console's
  // home goes on to the field app — unless 电脑版 was chosen; in a browser tab the console stays put.
  const fieldHome = fieldHomeFor(session.data.role);
  if (fieldHome && location.pathname === '/' && isStandalone() && !prefersConsole()) {
    return <Navigate to={fieldHome} replace />;
  }
  return <ConsoleLayout />;
}

const isField = (route: AppRoute) => route.layout === 'field';

const pageRoutes: RouteObject[] = ROUTES.filter((r) => !isField(r)).map((route) =>
  route.path === '/'
    ? { index: true, element: <RoutePage route={route} /> }
    : { path: route.path.slice(1), element: <RoutePage route={route} /> },
);

const fieldRoutes: RouteObject[] = ROUTES.filter(isField).map((route) =>
  route.path === FIELD_ROOT
    ? { index: true, element: <FieldRoutePage route={route} /> }
    : { path: route.path.slice(FIELD_ROOT.length + 1), element: <FieldRoutePage route={route} /> },
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
      path: FIELD_ROOT,
      element: (
        <Suspense fallback={<PageFallback full />}>
          <FieldLayout />
        </Suspense>
      ),
      children: [...fieldRoutes, { path: '*', element: <NotFoundPage /> }],
    },
    {
      path: '/',
      element: <RequireSession />,
      children: [...pageRoutes, { path: '*', element: <NotFoundPage /> }],
    },
  ]);
}

import {
  CameraOutlined,
  CheckSquareOutlined,
  LeftOutlined,
  ProfileOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { Label } from '@chuangcheng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Badge, Button, Result } from 'antd';
import { type ComponentType, createElement, Suspense, useEffect, useMemo } from 'react';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { fieldCategoriesQueryOptions, fieldGridsQueryOptions } from '../../features/field/api/catalog';
import {
  type FieldUser,
  FieldUserContext,
  rememberedFieldUser,
  rememberFieldUser,
  toFieldUser,
  useOnline,
} from '../../features/field/hooks/field-user';
import { FL } from '../../features/field/labels';
import { useOutbox, useOutboxRunner } from '../../features/field/outbox/use-outbox';
import { preferConsole } from '../../features/field/pwa/prefer-console';
import { registerFieldServiceWorker } from '../../features/field/pwa/register-sw';
import '../../features/field/components/field.css';
import { errorMessage, isApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { loginPath, useSession } from '../../lib/session';
import { ErrorBoundary } from '../error-boundary';
import { PageFallback } from '../page-fallback';
import { canOpen, FIELD_ROOT, ROUTES, routeOf } from '../routes';

interface Tab {
  path: string;
  label: Label;
  icon: ComponentType;
  testId: string;
}

const TABS: readonly Tab[] = [
  { path: FIELD_ROOT, label: FL.tabCases, icon: ProfileOutlined, testId: 'field-tab-cases' },
  { path: '/field/report', label: FL.tabReport, icon: CameraOutlined, testId: 'field-tab-report' },
  { path: '/field/verify', label: FL.tabVerify, icon: CheckSquareOutlined, testId: 'field-tab-verify' },
  { path: '/field/me', label: FL.tabMe, icon: UserOutlined, testId: 'field-tab-me' },
];

const FIELD_PAGES = ROUTES.filter((r) => r.layout === 'field');

/** The phone frame: a title bar, the page, the bottom tab bar; the outbox runs while it is open. */
function FieldFrame({ user }: { user: FieldUser }) {
  const { l, t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const online = useOnline();
  const { entries } = useOutbox();
  useOutboxRunner();

  useEffect(() => {
    // Back in the field app: the installed app's home is here again (see RequireSession).
    preferConsole(false);
    registerFieldServiceWorker();
    // Everything the field app needs offline is fetched now, while there is a network: every page's
    // code, the catalogue and the grids.
    for (const route of FIELD_PAGES) void route.preload();
    void queryClient.prefetchQuery(fieldCategoriesQueryOptions);
    void queryClient.prefetchQuery(fieldGridsQueryOptions);
  }, [queryClient]);

  const path = location.pathname.replace(/\/+$/, '') || '/';
  const tab = TABS.find((x) => x.path === path);
  const route = routeOf(path);
  const title = tab ? l(tab.label) : route ? l(route.label) : t('error.notFoundPage');

  useEffect(() => {
    document.title = `${title} - ${t('app.name')}·${l(FL.appName)}`;
  }, [title, t, l]);

  const back = () => {
    // Opened straight from a link (no history in the app): go to the list instead of leaving.
    if (location.key === 'default') navigate(FIELD_ROOT);
    else navigate(-1);
  };

  return (
    <div className="cc-field" data-testid="field-app">
      <header className="cc-field-header">
        {tab ? (
          <span className="cc-brand-mark cc-field-mark" aria-hidden>
            创
          </span>
        ) : (
          <Button type="text" icon={<LeftOutlined />} onClick={back} aria-label={l(FL.back)} />
        )}
        <h1 className="cc-field-title">{title}</h1>
        <span
          className={online ? 'cc-field-net' : 'cc-field-net cc-field-net-off'}
          data-testid="field-network"
          data-online={online}
        >
          {online ? '' : l(FL.offline)}
        </span>
      </header>
      {(!online || user.offline) && (
        <div className="cc-field-offline" role="status">
          {user.offline && online ? l(FL.offlineStart) : l(FL.offlineBanner)}
        </div>
      )}
      <main className="cc-field-main">
        <ErrorBoundary key={location.pathname}>
          <Suspense fallback={<PageFallback />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <nav className="cc-field-tabs">
        {TABS.map((x) => (
          <NavLink
            key={x.path}
            to={x.path}
            end
            replace
            className={({ isActive }) => (isActive ? 'cc-field-tab cc-field-tab-on' : 'cc-field-tab')}
            data-testid={x.testId}
          >
            <Badge count={x.path === '/field/report' ? entries.length : 0} size="small" offset={[6, 0]}>
              <span className="cc-field-tab-icon">{createElement(x.icon)}</span>
            </Badge>
            <span>{l(x.label)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}

/**
 * The field app's session: the server's when it answers; the phone's last user when it cannot be asked
 * (started without a network), so the outbox and the cached pages still work in a basement.
 */
export default function FieldLayout() {
  const session = useSession();
  const location = useLocation();
  const { t, locale } = useI18n();
  const remembered = useMemo(rememberedFieldUser, []);
  const me = session.data;

  useEffect(() => {
    if (me) rememberFieldUser(me);
  }, [me]);
  const user = useMemo(() => (me ? toFieldUser(me) : null), [me]);

  if (me === null) return <Navigate to={loginPath(null, location.pathname + location.search)} replace />;
  const unreachable =
    (session.isPending && session.fetchStatus === 'paused') ||
    (session.isError && isApiError(session.error) && session.error.status === 0);
  const current = user ?? (unreachable ? remembered : null);

  if (!current) {
    if (session.isPending && !unreachable) return <PageFallback full />;
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={session.error ? errorMessage(session.error, locale) : t('error.network')}
        extra={
          <Button type="primary" onClick={() => session.refetch()}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  const home = ROUTES.find((r) => r.path === FIELD_ROOT);
  if (!home || !canOpen(home, current.role)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('error.forbiddenPage')}
        extra={
          <Link to="/">
            <Button type="primary">{t('error.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  return (
    <FieldUserContext.Provider value={current}>
      <FieldFrame user={current} />
    </FieldUserContext.Provider>
  );
}

import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  MenuUnfoldOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS } from '@chuangcheng/contracts';
import { Avatar, Button, Drawer, Dropdown, Layout, Menu, type MenuProps, Typography } from 'antd';
import { createElement, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/language-switch';
import { useLogout } from '../../features/auth/api/logout';
import { ChangePasswordModal } from '../../features/auth/components/change-password-modal';
import { HolidayBanner } from '../../features/catalog/components/holiday-banner';
import { NotificationBell } from '../../features/notifications/components/notification-bell';
import { useConfig } from '../../lib/config';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { type RouteMeta, RouteMetaContext } from '../../lib/route-meta';
import { loginPath, useMe } from '../../lib/session';
import { ErrorBoundary } from '../error-boundary';
import { PageFallback } from '../page-fallback';
import { type AppRoute, canOpen, MENU_GROUPS, type MenuGroup, ROUTES, routeOf } from '../routes';

type MenuItem = Required<MenuProps>['items'][number];

function Brand({ collapsed, city }: { collapsed?: boolean; city?: string | null }) {
  const { t } = useI18n();
  return (
    <Link to="/" className="cc-brand">
      <span className="cc-brand-mark" aria-hidden>
        创
      </span>
      {!collapsed && (
        <span className="cc-brand-name">{city ? `${city}·${t('app.name')}` : t('app.console')}</span>
      )}
    </Link>
  );
}

/** The console frame: menu (a drawer on phones), header with language and account, the page. */
export function ConsoleLayout() {
  const me = useMe();
  const { t, l } = useI18n();
  const isMobile = useIsMobile();
  const location = useLocation();
  const navigate = useNavigate();
  const config = useConfig();
  const logout = useLogout();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);

  const current = routeOf(location.pathname);
  const accessible = useMemo(() => ROUTES.filter((r) => canOpen(r, me.role)), [me.role]);

  const menuItems = useMemo(() => {
    const items: MenuItem[] = [];
    const groups = new Map<MenuGroup, MenuItem[]>();
    const toItem = (r: AppRoute): MenuItem => ({
      key: r.path,
      icon: createElement(r.icon),
      label: <Link to={r.path}>{l(r.label)}</Link>,
    });
    for (const route of accessible) {
      if (route.hidden) continue;
      if (!route.group) {
        items.push(toItem(route));
        continue;
      }
      let children = groups.get(route.group);
      if (!children) {
        children = [];
        groups.set(route.group, children);
        const group = MENU_GROUPS[route.group];
        items.push({
          key: `group:${route.group}`,
          icon: createElement(group.icon),
          label: l(group.label),
          children,
        });
      }
      children.push(toItem(route));
    }
    return items;
  }, [accessible, l]);

  const [openKeys, setOpenKeys] = useState<string[]>(() => ['group:loop', 'group:org', 'group:system']);

  const meta = useMemo<RouteMeta>(() => {
    const home = ROUTES[0];
    const title = current ? l(current.label) : t('error.notFoundPage');
    const breadcrumb: RouteMeta['breadcrumb'] = [];
    if (home && current !== home) breadcrumb.push({ path: '/', title: l(home.label) });
    if (current?.group) breadcrumb.push({ title: l(MENU_GROUPS[current.group].label) });
    breadcrumb.push({ title });
    return {
      title,
      breadcrumb,
      links: accessible
        .filter((r) => !r.hidden)
        .map((r) => ({ path: r.path, title: l(r.label), icon: r.icon })),
    };
  }, [current, accessible, l, t]);

  useEffect(() => {
    document.title = `${meta.title} - ${t('app.name')}`;
  }, [meta.title, t]);

  // A page picked in the phone drawer closes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on navigation
  useEffect(() => {
    setDrawerOpen(false);
  }, [location.pathname]);

  const onLogout = () =>
    logout.mutate(undefined, { onSettled: () => navigate(loginPath('loggedOut'), { replace: true }) });

  const accountItems: MenuProps['items'] = [
    {
      key: 'who',
      disabled: true,
      label: (
        <div className="cc-account-who">
          <div>{me.displayName}</div>
          <Typography.Text type="secondary">
            {l(ROLE_LABELS[me.role])}
            {me.unitName ? ` · ${me.unitName}` : me.regionName ? ` · ${me.regionName}` : ''}
          </Typography.Text>
        </div>
      ),
    },
    { type: 'divider' },
    {
      key: 'password',
      icon: <KeyOutlined />,
      label: t('auth.changePassword'),
      onClick: () => setPasswordOpen(true),
    },
    { key: 'logout', icon: <LogoutOutlined />, label: t('auth.logout'), danger: true, onClick: onLogout },
  ];

  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      items={menuItems}
      selectedKeys={current ? [current.path] : []}
      openKeys={collapsed && !isMobile ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      data-testid="main-menu"
    />
  );

  const full = current?.layout === 'full';

  return (
    <Layout className="cc-shell">
      {!isMobile && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          trigger={null}
          width={216}
          className="cc-sider"
        >
          <Brand collapsed={collapsed} city={config.data?.cityName} />
          {menu}
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          closable={false}
          className="cc-menu-drawer"
          styles={{ body: { padding: 0, background: '#001529' } }}
        >
          <Brand city={config.data?.cityName} />
          {menu}
        </Drawer>
      )}
      <Layout className="cc-main">
        <Layout.Header className="cc-header">
          <Button
            type="text"
            aria-label={t('common.menu')}
            data-testid="menu-toggle"
            icon={isMobile ? <MenuOutlined /> : collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
            onClick={() => (isMobile ? setDrawerOpen(true) : setCollapsed((c) => !c))}
          />
          {isMobile && <span className="cc-header-title">{meta.title}</span>}
          <div className="cc-header-right">
            <NotificationBell />
            <LanguageSwitch />
            <Dropdown menu={{ items: accountItems }} trigger={['click']} placement="bottomRight">
              <Button type="text" className="cc-account" data-testid="account-menu">
                <Avatar size="small" style={{ background: '#c8161d' }}>
                  {me.displayName.slice(0, 1)}
                </Avatar>
                {!isMobile && <span>{me.displayName}</span>}
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content className={full ? 'cc-content cc-content-full' : 'cc-content'}>
          <RouteMetaContext.Provider value={meta}>
            <HolidayBanner />
            <ErrorBoundary key={location.pathname}>
              <Suspense fallback={<PageFallback />}>
                <Outlet />
              </Suspense>
            </ErrorBoundary>
          </RouteMetaContext.Provider>
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}

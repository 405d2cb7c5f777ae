import {
  CloudUploadOutlined,
  DesktopOutlined,
  DownloadOutlined,
  GlobalOutlined,
  LogoutOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { ROLE_LABELS } from '@chuangcheng/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { App, Avatar, Badge } from 'antd';
import { Link, useNavigate } from 'react-router';
import { setCsrfToken } from '../../../lib/api-client';
import { setLocale, useI18n } from '../../../lib/i18n';
import { loginPath, meQueryKey } from '../../../lib/session';
import { logout } from '../api/logout';
import { forgetFieldUser, useFieldUser } from '../hooks/field-user';
import { FL, fill } from '../labels';
import { useOutbox } from '../outbox/use-outbox';
import { isStandalone, useInstallPrompt } from '../pwa/install-prompt';
import { preferConsole } from '../pwa/prefer-console';
import './field.css';

/** 我的: who is signed in, the outbox, the console, install, language, log out. */
export default function MePage() {
  const { l, locale } = useI18n();
  const user = useFieldUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { entries } = useOutbox();
  const install = useInstallPrompt();
  const { modal } = App.useApp();

  const doLogout = async () => {
    try {
      await logout();
    } catch {
      // logged out here even if the server could not be told
    }
    setCsrfToken(null);
    forgetFieldUser();
    // The worker's copy of the reference data (grids in this user's scope) goes with the session.
    navigator.serviceWorker?.controller?.postMessage({ type: 'logout' });
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'config' && q.queryKey[0] !== 'auth' });
    queryClient.setQueryData(meQueryKey, null);
    navigate(loginPath('loggedOut', '/field'), { replace: true });
  };

  const onLogout = () => {
    if (entries.length === 0) {
      void doLogout();
      return;
    }
    modal.confirm({
      title: l(FL.logout),
      content: fill(l(FL.logoutPending), { n: entries.length }),
      okText: l(FL.logout),
      okButtonProps: { danger: true },
      onOk: doLogout,
    });
  };

  return (
    <div className="cc-field-page">
      <section className="cc-field-card cc-field-me">
        <Avatar size={52} style={{ background: '#c8161d', fontSize: 22 }}>
          {/* "网格员 肖杰琳": the person's family name, not the title's first character. */}
          {(user.displayName.split(/\s+/).at(-1) ?? user.displayName).slice(0, 1)}
        </Avatar>
        <div>
          <div className="cc-field-me-name" data-testid="field-me-name">
            {user.displayName}
          </div>
          <div className="cc-muted">
            {l(ROLE_LABELS[user.role])}
            {user.regionName ? ` · ${user.regionName}` : user.unitName ? ` · ${user.unitName}` : ''}
          </div>
        </div>
      </section>

      <nav className="cc-field-card cc-field-menu">
        <Link to="/field/report" className="cc-field-menu-item">
          <CloudUploadOutlined />
          <span>{l(FL.pendingReports)}</span>
          <Badge count={entries.length} showZero color={entries.length ? '#fa8c16' : '#d9d9d9'} />
          <RightOutlined />
        </Link>
        <Link to="/" className="cc-field-menu-item" onClick={() => preferConsole(true)}>
          <DesktopOutlined />
          <span>{l(FL.console)}</span>
          <RightOutlined />
        </Link>
        {install && (
          <button type="button" className="cc-field-menu-item" onClick={() => void install()}>
            <DownloadOutlined />
            <span>{l(FL.install)}</span>
            <RightOutlined />
          </button>
        )}
        {!install && isStandalone() && (
          <div className="cc-field-menu-item cc-muted">
            <DownloadOutlined />
            <span>{l(FL.installed)}</span>
          </div>
        )}
        <button
          type="button"
          className="cc-field-menu-item"
          onClick={() => setLocale(locale === 'zh' ? 'en' : 'zh')}
        >
          <GlobalOutlined />
          <span>{l(FL.language)}</span>
          <RightOutlined />
        </button>
      </nav>

      <nav className="cc-field-card cc-field-menu">
        <button
          type="button"
          className="cc-field-menu-item cc-field-menu-danger"
          onClick={onLogout}
          data-testid="field-logout"
        >
          <LogoutOutlined />
          <span>{l(FL.logout)}</span>
        </button>
      </nav>
    </div>
  );
}

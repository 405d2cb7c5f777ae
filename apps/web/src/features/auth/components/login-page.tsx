import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { ERRORS } from '@chuangcheng/contracts';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useEffect } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../../components/language-switch';
import { ApiError, errorMessage } from '../../../lib/api-client';
import { useConfig } from '../../../lib/config';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useSession } from '../../../lib/session';
import { useLogin } from '../api/login';

interface LoginForm {
  username: string;
  password: string;
}

function lockedUntil(error: unknown): string | null {
  if (!(error instanceof ApiError) || error.code !== 'ACCOUNT_LOCKED') return null;
  const details = error.details as { lockedUntil?: string; until?: string } | undefined;
  return details?.lockedUntil ?? details?.until ?? null;
}

export default function LoginPage() {
  const { t, locale } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const config = useConfig();
  const loginMutation = useLogin();
  const next = params.get('next') ?? '/';
  const reason = params.get('reason');
  const city = config.data?.cityName;

  useEffect(() => {
    document.title = `${t('auth.login')} - ${t('app.name')}`;
  }, [t]);

  if (session.data) return <Navigate to={next} replace />;

  const onFinish = (values: LoginForm) => {
    loginMutation.mutate(values, {
      onSuccess: () => navigate(next.startsWith('/') ? next : '/', { replace: true }),
    });
  };
  const until = lockedUntil(loginMutation.error);

  return (
    <div className="cc-login">
      <div className="cc-login-lang">
        <LanguageSwitch />
      </div>
      <div className="cc-login-brand">
        <div className="cc-login-logo" aria-hidden>
          创
        </div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {city ? `${city} · ${t('app.name')}` : t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
      </div>
      <Card className="cc-login-card">
        {reason === 'expired' && !loginMutation.error && (
          <Alert
            type="warning"
            showIcon
            title={ERRORS.SESSION_EXPIRED[locale]}
            style={{ marginBottom: 16 }}
          />
        )}
        {reason === 'loggedOut' && !loginMutation.error && (
          <Alert type="info" showIcon title={t('auth.loggedOut')} style={{ marginBottom: 16 }} />
        )}
        {loginMutation.error && (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="login-error"
            title={errorMessage(loginMutation.error, locale)}
            description={until ? t('auth.lockedUntil', { time: formatDateTime(until, locale) }) : undefined}
            style={{ marginBottom: 16 }}
          />
        )}
        <Form<LoginForm>
          layout="vertical"
          size="large"
          onFinish={onFinish}
          requiredMark={false}
          autoComplete="on"
        >
          <Form.Item
            name="username"
            label={t('auth.username')}
            rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={loginMutation.isPending}>
            {t('auth.login')}
          </Button>
        </Form>
      </Card>
      <Typography.Text type="secondary" className="cc-login-footer">
        {t('auth.footer')}
      </Typography.Text>
    </div>
  );
}

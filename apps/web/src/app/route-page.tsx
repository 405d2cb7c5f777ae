import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n';
import { useMe } from '../lib/session';
import { type AppRoute, canOpen } from './routes';

/** Renders a route's page if the user's role may open it. */
export function RoutePage({ route }: { route: AppRoute }) {
  const me = useMe();
  const { t } = useI18n();
  if (!canOpen(route, me.role)) {
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
  const Page = route.component;
  return <Page />;
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('error.notFoundPage')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.backHome')}</Button>
        </Link>
      }
    />
  );
}

import { Button, Result } from 'antd';
import { useContext } from 'react';
import { Link } from 'react-router';
import { FieldUserContext } from '../../features/field/hooks/field-user';
import { useI18n } from '../../lib/i18n';
import { type AppRoute, canOpen, FIELD_ROOT } from '../routes';

/**
 * A field page, if the user's role may open it. The user comes from the field layout (it may be the
 * remembered one when the app started without a network), not from the session query.
 */
export function FieldRoutePage({ route }: { route: AppRoute }) {
  const user = useContext(FieldUserContext);
  const { t } = useI18n();
  if (!user || !canOpen(route, user.role)) {
    return (
      <Result
        status="403"
        title="403"
        subTitle={t('error.forbiddenPage')}
        extra={
          <Link to={user && route.path !== FIELD_ROOT ? FIELD_ROOT : '/'}>
            <Button type="primary">{t('error.backHome')}</Button>
          </Link>
        }
      />
    );
  }
  const Page = route.component;
  return <Page />;
}

import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useEffect, useState } from 'react';
import { RouterProvider } from 'react-router';
import { setCsrfToken, setUnauthorizedHandler } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';
import { loginPath, meQueryKey } from '../lib/session';
import { createRouter } from './router';

const THEME = {
  algorithm: theme.defaultAlgorithm,
  token: { colorPrimary: '#1f5fbf', borderRadius: 6, fontSize: 14 },
  components: { Layout: { headerHeight: 56, headerPadding: '0 16px' } },
};

/** Query cache, router, antd locale/theme and the one place that reacts to an expired session. */
export function Providers() {
  const { locale } = useI18n();
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  useEffect(() => {
    let redirecting = false;
    setUnauthorizedHandler((code) => {
      if (redirecting || router.state.location.pathname === '/login') return;
      redirecting = true;
      const { pathname, search } = router.state.location;
      setCsrfToken(null);
      void router
        .navigate(loginPath(code === 'SESSION_EXPIRED' ? 'expired' : null, pathname + search), {
          replace: true,
        })
        .then(() => {
          queryClient.removeQueries({
            predicate: (q) => q.queryKey[0] !== 'config' && q.queryKey[0] !== 'auth',
          });
          queryClient.setQueryData(meQueryKey, null);
          redirecting = false;
        });
    });
    return () => setUnauthorizedHandler(null);
  }, [router, queryClient]);

  return (
    <ConfigProvider locale={locale === 'zh' ? zhCN : enUS} theme={THEME}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}

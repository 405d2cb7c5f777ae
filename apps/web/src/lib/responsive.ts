import { useSyncExternalStore } from 'react';

/** Below antd's `md` breakpoint (768 px): phones. Read synchronously so the first paint is already right. */
const QUERY = '(max-width: 767.98px)';

function subscribe(listener: () => void): () => void {
  const mql = window.matchMedia(QUERY);
  mql.addEventListener('change', listener);
  return () => mql.removeEventListener('change', listener);
}

export function useIsMobile(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(QUERY).matches,
    () => false,
  );
}

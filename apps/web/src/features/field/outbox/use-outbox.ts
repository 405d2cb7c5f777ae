import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { setCsrfToken } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { getMe, meQueryKey } from '../../../lib/session';
import { useFieldUser } from '../hooks/field-user';
import { FL, fill } from '../labels';
import { flush, outboxSnapshot, reloadOutbox, subscribeOutbox } from './outbox';
import { isDue, userEntries } from './outbox-logic';

/** The current user's outbox: entries (oldest first), whether a flush runs, and a way to start one. */
export function useOutbox() {
  const user = useFieldUser();
  const queryClient = useQueryClient();
  const snapshot = useSyncExternalStore(subscribeOutbox, outboxSnapshot, outboxSnapshot);
  const entries = useMemo(() => userEntries(snapshot.entries, user.id), [snapshot.entries, user.id]);

  const sendNow = useCallback(
    (force = true, quietRefusals = false) =>
      flush({
        userId: user.id,
        force,
        quietRefusals,
        // The session may have lapsed (or the app started offline without a CSRF token): ask first.
        ensureSession: async () => {
          const me = await getMe();
          queryClient.setQueryData(meQueryKey, me);
          if (!me) setCsrfToken(null);
          return me !== null && me.id === user.id;
        },
      }),
    [user.id, queryClient],
  );

  return {
    loaded: snapshot.loaded,
    entries,
    pending: entries.filter((e) => e.status === 'pending').length,
    failed: entries.filter((e) => e.status === 'failed').length,
    flushing: snapshot.flushing,
    lastRun: snapshot.lastRun,
    sendNow,
  };
}

const RETRY_EVERY_MS = 60_000;

/**
 * Runs the outbox for the field layout: sends on start, when the network comes back, when the app is
 * shown again and every minute while something is due; announces what went out.
 */
export function useOutboxRunner(): void {
  const { l } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { entries, sendNow, lastRun } = useOutbox();
  const entriesRef = useRef(entries);
  entriesRef.current = entries;

  // Whoever started the run (this runner, the report form, 立即发送), it is announced once, here.
  const announced = useRef(lastRun?.seq ?? 0);
  useEffect(() => {
    if (!lastRun || lastRun.seq <= announced.current) return;
    announced.current = lastRun.seq;
    if (lastRun.sent.length > 0) {
      const numbers = lastRun.sent.map((s) => s.number).join('、');
      message.success(fill(l(FL.outboxSent), { n: lastRun.sent.length, numbers }));
      void queryClient.invalidateQueries({ queryKey: ['cases'] });
    }
    if (lastRun.failed > 0) message.error(fill(l(FL.outboxRefused), { n: lastRun.failed }));
  }, [lastRun, message, l, queryClient]);

  const trigger = useCallback(
    async (force: boolean) => {
      if (navigator.onLine) await sendNow(force);
    },
    [sendNow],
  );

  useEffect(() => {
    reloadOutbox()
      .then(() => trigger(true))
      .catch((error: unknown) => console.error('outbox unavailable', error));
    const online = () => void trigger(true);
    const visible = () => {
      if (document.visibilityState === 'visible') void trigger(false);
    };
    const timer = window.setInterval(() => {
      const now = new Date();
      if (entriesRef.current.some((e) => e.status === 'pending' && isDue(e, now))) void trigger(false);
    }, RETRY_EVERY_MS);
    window.addEventListener('online', online);
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('online', online);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [trigger]);
}

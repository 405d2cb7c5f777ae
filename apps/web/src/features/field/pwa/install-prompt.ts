import { useEffect, useState } from 'react';

export { isStandalone } from './display-mode';

/** Chromium's install event (not in the DOM typings). */
interface BeforeInstallPromptEvent extends Event {
  prompt: () => Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

let deferred: BeforeInstallPromptEvent | null = null;
const listeners = new Set<() => void>();

// Captured as early as the module loads: the event fires once, soon after the page does.
if (typeof window !== 'undefined') {
  window.addEventListener('beforeinstallprompt', (event) => {
    event.preventDefault();
    deferred = event as BeforeInstallPromptEvent;
    for (const l of listeners) l();
  });
}

/** 添加到主屏幕: available when the browser offered to install the app (null otherwise). */
export function useInstallPrompt(): (() => Promise<void>) | null {
  const [available, setAvailable] = useState(() => deferred !== null);
  useEffect(() => {
    const update = () => setAvailable(deferred !== null);
    listeners.add(update);
    return () => {
      listeners.delete(update);
    };
  }, []);
  if (!available) return null;
  return async () => {
    const event = deferred;
    if (!event) return;
    deferred = null;
    setAvailable(false);
    await event.prompt();
  };
}

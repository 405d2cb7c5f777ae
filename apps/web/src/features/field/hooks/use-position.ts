import { useCallback, useEffect, useRef, useState } from 'react';

export interface Fix {
  lng: number;
  lat: number;
  accuracy: number;
  /** When the fix was taken (ms). */
  at: number;
}

export type PositionState = 'locating' | 'ok' | 'denied' | 'unavailable';

const FRESH_MS = 30_000;
const WAIT_MS = 10_000;

function toFix(p: GeolocationPosition): Fix {
  return { lng: p.coords.longitude, lat: p.coords.latitude, accuracy: p.coords.accuracy, at: p.timestamp };
}

/**
 * Follows the phone's position while the report form is open, so a photo gets a fix the moment it is
 * taken; `fixNow()` answers the latest fix if fresh, else waits briefly for a new one (null on failure).
 */
export function usePosition() {
  const [fix, setFix] = useState<Fix | null>(null);
  const [state, setState] = useState<PositionState>(() =>
    typeof navigator !== 'undefined' && navigator.geolocation ? 'locating' : 'unavailable',
  );
  const latest = useRef<Fix | null>(null);

  useEffect(() => {
    if (!navigator.geolocation) return;
    const id = navigator.geolocation.watchPosition(
      (p) => {
        latest.current = toFix(p);
        setFix(latest.current);
        setState('ok');
      },
      (error) => setState(error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable'),
      { enableHighAccuracy: true, maximumAge: 10_000, timeout: 30_000 },
    );
    return () => navigator.geolocation.clearWatch(id);
  }, []);

  const fixNow = useCallback(async (): Promise<Fix | null> => {
    const known = latest.current;
    if (known && Date.now() - known.at < FRESH_MS) return known;
    if (!navigator.geolocation) return known;
    return new Promise<Fix | null>((resolve) => {
      navigator.geolocation.getCurrentPosition(
        (p) => {
          latest.current = toFix(p);
          setFix(latest.current);
          setState('ok');
          resolve(latest.current);
        },
        () => resolve(known),
        { enableHighAccuracy: true, maximumAge: FRESH_MS, timeout: WAIT_MS },
      );
    });
  }, []);

  return { fix, state, fixNow };
}

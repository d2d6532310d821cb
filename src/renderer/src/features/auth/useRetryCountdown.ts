import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors';

/**
 * The growing delay after wrong passwords: the host says how long to wait
 * (`details.retryAfterMs`); this counts it down to the second so the form can say so
 * and keep its button disabled until then.
 */
export function useRetryCountdown(): { secondsLeft: number; noteError(error: unknown): void; reset(): void } {
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) setUntil(null);
    }, 250);
    return () => window.clearInterval(timer);
  }, [until]);

  const secondsLeft = until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
  return {
    secondsLeft,
    noteError(error) {
      const wait = error instanceof ApiError ? error.retryAfterMs : null;
      if (wait !== null) {
        const start = Date.now();
        setNow(start);
        setUntil(start + wait);
      }
    },
    reset() {
      setUntil(null);
    },
  };
}

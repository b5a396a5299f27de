// Loading a resource for a page: data, error, loading and a reload, cancelled when the page leaves.
import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, get } from './api';

export function useApi<T = any>(path: string | null, deps: unknown[] = []) {
  const [data, setData] = useState<T | undefined>();
  const [error, setError] = useState<ApiFailure | undefined>();
  const [loading, setLoading] = useState(!!path);
  const [tick, setTick] = useState(0);
  // Another resource: the old one's data must not be drawn with the new page's shape.
  useEffect(() => { setData(undefined); setError(undefined); }, [path]);
  useEffect(() => {
    if (!path) { setLoading(false); return; }
    let live = true;
    setLoading(true);
    get<T>(path).then(
      (d) => { if (live) { setData(d); setError(undefined); setLoading(false); } },
      (e) => { if (live) { setError(e instanceof ApiFailure ? e : new ApiFailure(0, { code: 'client', zh: String(e), en: String(e) })); setLoading(false); } },
    );
    return () => { live = false; };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [path, tick, ...deps]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}

import { useCallback, useEffect, useRef, useState } from "react";

export type RunState<TResult> = {
  /** A run is under way (runs may overlap: busy until the last one settled). */
  busy: boolean;
  /** What the last settled run gave; null before the first. */
  last: TResult | null;
};

/**
 * Tracks runs of an operation for a component: busy while any is under way, and the
 * result of the last one to settle. `work` must not throw (the callers turn failures into
 * results). A run that settles after the component is gone sets nothing.
 */
export function useRun<TResult>(): [
  RunState<TResult>,
  (work: () => Promise<TResult>) => Promise<TResult>,
] {
  const [state, setState] = useState<RunState<TResult>>({ busy: false, last: null });
  const pending = useRef(0);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;

    return () => {
      mounted.current = false;
    };
  }, []);
  const track = useCallback(async (work: () => Promise<TResult>) => {
    pending.current += 1;
    setState((s) => ({ ...s, busy: true }));
    const result = await work();

    pending.current -= 1;
    if (mounted.current) setState({ busy: pending.current > 0, last: result });

    return result;
  }, []);

  return [state, track];
}

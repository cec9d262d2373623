import { useCallback, useEffect, useRef, useState } from "react";

import { errorMessage } from "../api/client";
import type { SaveState } from "./StateViews";

/** Run a save; the function resolves an error message (refused) or null (saved). */
export function useSaver(): [SaveState, (save: () => Promise<string | null>) => Promise<boolean>] {
  const [state, setState] = useState<SaveState>({ status: "idle" });
  const timer = useRef<number | undefined>(undefined);
  /*
   * A save may settle after the screen is gone: then nothing is set and no timer
   * is started (it would outlive the page, and in tests the page's window).
   */
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;

    return () => {
      mounted.current = false;
      window.clearTimeout(timer.current);
    };
  }, []);
  const run = useCallback(async (save: () => Promise<string | null>) => {
    window.clearTimeout(timer.current);
    setState({ status: "saving" });
    try {
      const problem = await save();

      if (!mounted.current) return !problem;
      if (problem) {
        setState({ status: "error", message: problem });

        return false;
      }
      setState({ status: "saved" });
      timer.current = window.setTimeout(() => setState({ status: "idle" }), 3000);

      return true;
    } catch (error) {
      if (mounted.current) setState({ status: "error", message: errorMessage(error) });

      return false;
    }
  }, []);

  return [state, run];
}

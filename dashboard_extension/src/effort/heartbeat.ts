/*
 * The ticket page's heartbeats (see the README, "Time and effort"): while the page is
 * visible, a beat every 30 s tells the helpdesk whether the user is working in this tab
 * (input within the last 2 minutes) or idle (with how long ago the last input was, so the
 * server takes that time back). The server counts each second once per person, however
 * many tabs beat; this module only reports what the tab sees.
 *
 * Pure logic with its dependencies passed in (clock, timers, visibility, sending), so the
 * tests drive it with fake timers.
 */

export const HEARTBEAT_MS = 30_000;
export const IDLE_MS = 120_000;

export type Beat = { active: boolean; idleSeconds?: number };
export type BeatAnswer = { tracking: boolean; seconds: number } | null;

/** What a beat at `now` reports, given the tab's last input. */
export function beatAt(now: number, lastInputAt: number, idleMs = IDLE_MS): Beat {
  const quiet = Math.max(0, now - lastInputAt);

  return quiet < idleMs
    ? { active: true }
    : { active: false, idleSeconds: Math.floor(quiet / 1000) };
}

/** The seconds a running timer shows: the server's last figure, plus the time since while tracking. */
export function shownSeconds(
  answer: { seconds: number; tracking: boolean; at: number } | null,
  now: number,
): number {
  if (!answer) return 0;
  if (!answer.tracking) return answer.seconds;

  return answer.seconds + Math.max(0, Math.floor((now - answer.at) / 1000));
}

/** "1:05:09", "5:09", in hours, minutes and seconds. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const two = (n: number) => String(n).padStart(2, "0");

  return h ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

export type HeartbeatDeps = {
  now: () => number;
  isVisible: () => boolean;
  send: (beat: Beat) => Promise<BeatAnswer>;
  onAnswer?: (answer: BeatAnswer, at: number) => void;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
};

export type Heartbeat = {
  start: () => void;
  /** The user typed, clicked, scrolled or moved the pointer in this tab. */
  input: () => void;
  /** The page was shown or hidden (`visibilitychange`). */
  visibilityChanged: () => void;
  /** The page is left: an idle beat ends the tab's interval now. */
  stop: () => void;
};

export function createHeartbeat(deps: HeartbeatDeps): Heartbeat {
  const schedule = deps.setInterval ?? ((cb, ms) => setInterval(cb, ms));
  const cancel = deps.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  let lastInputAt = deps.now();
  // What the last beat said: while idle (or hidden) no further beats go out until input.
  let reported: "active" | "idle" | "none" = "none";
  let handle: unknown = null;

  const send = (beat: Beat) => {
    reported = beat.active ? "active" : "idle";
    const at = deps.now();

    void deps.send(beat).then(
      (answer) => deps.onAnswer?.(answer, at),
      () => deps.onAnswer?.(null, at),
    );
  };

  const tick = () => {
    if (!deps.isVisible()) return;
    const beat = beatAt(deps.now(), lastInputAt);

    if (beat.active || reported === "active") send(beat);
  };

  return {
    start() {
      if (handle !== null) return;
      lastInputAt = deps.now();
      handle = schedule(tick, HEARTBEAT_MS);
      if (deps.isVisible()) send({ active: true });
    },
    input() {
      lastInputAt = deps.now();
      // Back from idle: count from now instead of waiting for the next beat.
      if (handle !== null && reported !== "active" && deps.isVisible()) send({ active: true });
    },
    visibilityChanged() {
      if (handle === null) return;
      if (deps.isVisible()) {
        lastInputAt = deps.now();
        send({ active: true });
      } else if (reported === "active") {
        send({ active: false, idleSeconds: 0 });
      }
    },
    stop() {
      if (handle === null) return;
      cancel(handle);
      handle = null;
      if (reported === "active") send({ active: false, idleSeconds: 0 });
    },
  };
}

/** A random name for this tab, the same for all its beats. */
export function newTabName(random: () => number = Math.random): string {
  return `tab-${Math.floor(random() * 36 ** 8).toString(36)}`;
}

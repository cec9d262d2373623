import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import {
  type Beat,
  beatAt,
  createHeartbeat,
  formatDuration,
  HEARTBEAT_MS,
  IDLE_MS,
  shownSeconds,
} from "./heartbeat";

describe("beatAt", () => {
  it("is active within the idle limit and idle after it, with the quiet seconds", () => {
    expect(beatAt(10_000, 0)).toStrictEqual({ active: true });
    expect(beatAt(IDLE_MS - 1, 0)).toStrictEqual({ active: true });
    expect(beatAt(IDLE_MS + 5_500, 0)).toStrictEqual({ active: false, idleSeconds: 125 });
  });
});

describe("shownSeconds and formatDuration", () => {
  it("counts on from the server's figure while tracking, and stands still otherwise", () => {
    expect(shownSeconds({ seconds: 60, tracking: true, at: 1_000 }, 31_000)).toBe(90);
    expect(shownSeconds({ seconds: 60, tracking: false, at: 1_000 }, 31_000)).toBe(60);
    expect(shownSeconds(null, 31_000)).toBe(0);
  });

  it("writes hours, minutes and seconds", () => {
    expect(formatDuration(59)).toBe("0:59");
    expect(formatDuration(309)).toBe("5:09");
    expect(formatDuration(3909)).toBe("1:05:09");
  });
});

describe("createHeartbeat", () => {
  let visible: boolean;
  let beats: Beat[];

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
    visible = true;
    beats = [];
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function heartbeat() {
    return createHeartbeat({
      now: () => Date.now(),
      isVisible: () => visible,
      send: async (beat) => {
        beats.push(beat);

        return { tracking: beat.active, seconds: 0 };
      },
    });
  }

  it("beats at once, then every 30 s while the user works", () => {
    const hb = heartbeat();

    hb.start();
    for (let i = 0; i < 3; i++) {
      vi.advanceTimersByTime(HEARTBEAT_MS);
      hb.input();
    }

    expect(beats).toStrictEqual([
      { active: true },
      { active: true },
      { active: true },
      { active: true },
    ]);
  });

  it("reports idle once with the idle seconds, then is silent until input", () => {
    const hb = heartbeat();

    hb.start();
    vi.advanceTimersByTime(5 * HEARTBEAT_MS); // no input for 2.5 minutes
    expect(beats).toStrictEqual([
      { active: true },
      { active: true }, // 30 s
      { active: true }, // 60 s
      { active: true }, // 90 s
      { active: false, idleSeconds: 120 }, // 120 s: idle, the server takes 2 minutes back
    ]);

    vi.advanceTimersByTime(10 * HEARTBEAT_MS);
    expect(beats).toHaveLength(5);

    // the user comes back: an active beat at once, not at the next tick
    hb.input();
    expect(beats.at(-1)).toStrictEqual({ active: true });
    expect(beats).toHaveLength(6);
  });

  it("sends nothing while the page is hidden and ends the interval when it is hidden", () => {
    const hb = heartbeat();

    hb.start();
    vi.advanceTimersByTime(HEARTBEAT_MS);
    visible = false;
    hb.visibilityChanged();
    vi.advanceTimersByTime(4 * HEARTBEAT_MS);

    expect(beats).toStrictEqual([
      { active: true },
      { active: true },
      { active: false, idleSeconds: 0 },
    ]);

    visible = true;
    hb.visibilityChanged();
    expect(beats.at(-1)).toStrictEqual({ active: true });
  });

  it("ends the interval when the page is left, and beats no more", () => {
    const hb = heartbeat();

    hb.start();
    hb.stop();
    vi.advanceTimersByTime(3 * HEARTBEAT_MS);

    expect(beats).toStrictEqual([{ active: true }, { active: false, idleSeconds: 0 }]);
  });

  it("does not send a burst of beats for every input event", () => {
    const hb = heartbeat();

    hb.start();
    for (let i = 0; i < 50; i++) hb.input();

    expect(beats).toHaveLength(1);
  });
});

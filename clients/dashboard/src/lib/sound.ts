// A short two-note chime made with Web Audio (no asset), and the persisted mute setting.

const MUTED_KEY = 'support-chat.dashboard.muted';

export function loadMuted(): boolean {
  try {
    return localStorage.getItem(MUTED_KEY) === 'true';
  } catch {
    return false;
  }
}

export function saveMuted(muted: boolean): void {
  try {
    localStorage.setItem(MUTED_KEY, String(muted));
  } catch {
    // Storage unavailable (private mode): the setting lasts for this page only.
  }
}

export interface Chime {
  play: () => void;
}

/** The audio context is created on the first play, so no sound machinery runs before it. */
export function createChime(): Chime {
  let context: AudioContext | null = null;
  return {
    play: () => {
      if (typeof AudioContext === 'undefined') return;
      context ??= new AudioContext();
      if (context.state === 'suspended') void context.resume().catch(() => undefined);
      const start = context.currentTime;
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.setValueAtTime(880, start);
      oscillator.frequency.setValueAtTime(1318.5, start + 0.1);
      gain.gain.setValueAtTime(0.0001, start);
      gain.gain.exponentialRampToValueAtTime(0.18, start + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.08, start + 0.1);
      gain.gain.exponentialRampToValueAtTime(0.18, start + 0.12);
      gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.35);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(start);
      oscillator.stop(start + 0.36);
    },
  };
}

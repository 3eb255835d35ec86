/**
 * A short two-note chime for staff replies, synthesised with Web Audio (no
 * asset file). Browsers may refuse audio before a user gesture: such errors
 * are swallowed. The host's `data-sounds-played` attribute counts the chimes.
 */

const MIN_GAP_MS = 1000;

export interface Chime {
  /** Call from a user gesture so later chimes are allowed to sound. */
  unlock(): void;
  play(): void;
  close(): void;
}

export function createChime(host: HTMLElement): Chime {
  let context: AudioContext | null = null;
  let played = 0;
  let lastPlayedAt = -Infinity;
  host.dataset.soundsPlayed = '0';

  function audio(): AudioContext | null {
    try {
      context ??= new AudioContext();
      if (context.state === 'suspended') context.resume().catch(() => {});
      return context;
    } catch {
      return null;
    }
  }

  function tone(ctx: AudioContext, frequency: number, start: number): void {
    const oscillator = ctx.createOscillator();
    const gain = ctx.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.18);
    oscillator.connect(gain).connect(ctx.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.2);
  }

  return {
    unlock() {
      audio();
    },
    play() {
      const now = Date.now();
      if (now - lastPlayedAt < MIN_GAP_MS) return;
      lastPlayedAt = now;
      host.dataset.soundsPlayed = String(++played);
      try {
        const ctx = audio();
        if (!ctx) return;
        tone(ctx, 880, ctx.currentTime);
        tone(ctx, 1320, ctx.currentTime + 0.12);
      } catch {
        // Audio is a nicety: never let it break the chat.
      }
    },
    close() {
      context?.close().catch(() => {});
    },
  };
}

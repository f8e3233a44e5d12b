import type { ScanOutcome } from './scanner-store';

/**
 * A sound and a vibration per outcome, so staff know the verdict without looking: WebAudio
 * oscillators (no sound files to download or cache), navigator.vibrate where the device has it.
 * Admitted: a short rising double beep; already admitted: two even mid tones; rejected: a low buzz.
 */

type Tone = { freq: number; start: number; length: number; type: OscillatorType };

const TONES: Record<ScanOutcome, Tone[]> = {
  ADMITTED: [
    { freq: 880, start: 0, length: 0.09, type: 'sine' },
    { freq: 1320, start: 0.11, length: 0.12, type: 'sine' },
  ],
  DUPLICATE: [
    { freq: 620, start: 0, length: 0.14, type: 'triangle' },
    { freq: 620, start: 0.22, length: 0.14, type: 'triangle' },
  ],
  REJECTED: [{ freq: 180, start: 0, length: 0.45, type: 'square' }],
};

const VIBRATION: Record<ScanOutcome, number[]> = {
  ADMITTED: [60],
  DUPLICATE: [80, 80, 80],
  REJECTED: [300, 100, 300],
};

let audio: AudioContext | null | undefined;

function context(): AudioContext | null {
  if (audio !== undefined) return audio;
  const Ctor =
    typeof window === 'undefined'
      ? undefined
      : (window.AudioContext ?? (window as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext);
  audio = Ctor ? new Ctor() : null;
  return audio;
}

/** Browsers start audio only after a gesture: called on the first tap or key press of the page. */
export function unlockAudio(): void {
  const ctx = context();
  if (ctx?.state === 'suspended') void ctx.resume().catch(() => undefined);
}

export function playFeedback(outcome: ScanOutcome, sound = true): void {
  if (typeof navigator !== 'undefined' && typeof navigator.vibrate === 'function') {
    try {
      navigator.vibrate(VIBRATION[outcome]);
    } catch {
      // Not allowed here (no gesture yet): the sound and the screen still tell.
    }
  }
  if (!sound) return;
  const ctx = context();
  if (!ctx || ctx.state !== 'running') return;
  const t0 = ctx.currentTime + 0.01;
  for (const tone of TONES[outcome]) {
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    osc.type = tone.type;
    osc.frequency.value = tone.freq;
    const start = t0 + tone.start;
    const end = start + tone.length;
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.01);
    gain.gain.exponentialRampToValueAtTime(0.0001, end);
    osc.connect(gain).connect(ctx.destination);
    osc.start(start);
    osc.stop(end + 0.02);
  }
}

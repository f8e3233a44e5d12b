import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import QRCode from 'qrcode';

/**
 * A fake camera for Chromium (`--use-file-for-fake-video-capture=<file>.y4m`): a Y4M video made from
 * a real badge code's QR. The QR is the badge's (qrcode, one byte-mode segment, error correction M,
 * as libs/badges/src/badge-render.ts prints it), drawn black on white in RGBA, centred on a white
 * frame with a quiet zone of 4 modules, and converted to YUV 4:2:0 with BT.601 (studio range, what
 * Chromium assumes for I420). Chromium plays the file in a loop at its frame rate.
 */

export interface VideoOptions {
  width?: number;
  height?: number;
  /** Frames per second (Chromium delivers them at this rate). */
  fps?: number;
}

/** A run of identical frames: a badge's QR (`code`) or nothing (`code` null), with an optional marker. */
export interface Segment {
  code: string | null;
  frames: number;
  /**
   * 1..255 drawn as 8 black/white 16x16 blocks along the top-left edge (bit 7 first), far from the
   * QR: lets a bench tell which segment a frame belongs to. 0 or absent: no marker (all white).
   */
  marker?: number;
}

export const MARKER_BLOCK = 16;
const DEFAULTS = { width: 640, height: 480, fps: 10 };

/** The badge's QR symbol exactly as the badge printer builds it. */
export const qrSymbol = (code: string) =>
  QRCode.create([{ data: Buffer.from(code, 'latin1'), mode: 'byte' }], { errorCorrectionLevel: 'M' });

/** An RGBA picture of the frame: white, the QR centred (quiet zone included) at about 70 % of the short side. */
export function frameRgba(code: string | null, width: number, height: number, marker = 0): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  const dark = (x: number, y: number) => {
    const i = (y * width + x) * 4;
    rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
  };
  if (code !== null) {
    const { modules } = qrSymbol(code);
    const quiet = 4;
    const scale = Math.max(1, Math.floor((Math.min(width, height) * 0.7) / (modules.size + 2 * quiet)));
    const side = modules.size * scale;
    const left = Math.floor((width - side) / 2);
    const top = Math.floor((height - side) / 2);
    for (let my = 0; my < modules.size; my++)
      for (let mx = 0; mx < modules.size; mx++) {
        if (!modules.get(my, mx)) continue;
        for (let y = 0; y < scale; y++)
          for (let x = 0; x < scale; x++) dark(left + mx * scale + x, top + my * scale + y);
      }
  }
  for (let bit = 0; bit < 8; bit++)
    if (marker & (0x80 >> bit))
      for (let y = 0; y < MARKER_BLOCK; y++) for (let x = 0; x < MARKER_BLOCK; x++) dark(bit * MARKER_BLOCK + x, y);
  return rgba;
}

/** RGBA to planar YUV 4:2:0 (I420), BT.601 studio range; chroma from the average of each 2x2 block. */
export function rgbaToI420(rgba: Uint8ClampedArray, width: number, height: number): Buffer {
  if (width % 2 || height % 2) throw new Error('Y4M 4:2:0 needs an even width and height');
  const out = Buffer.alloc((width * height * 3) / 2);
  const cw = width / 2;
  const uOffset = width * height;
  const vOffset = uOffset + cw * (height / 2);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      out[y * width + x] = Math.round(16 + (65.481 * rgba[i] + 128.553 * rgba[i + 1] + 24.966 * rgba[i + 2]) / 255);
    }
  for (let y = 0; y < height; y += 2)
    for (let x = 0; x < width; x += 2) {
      let r = 0;
      let g = 0;
      let b = 0;
      for (const [dx, dy] of [
        [0, 0],
        [1, 0],
        [0, 1],
        [1, 1],
      ]) {
        const i = ((y + dy) * width + x + dx) * 4;
        r += rgba[i];
        g += rgba[i + 1];
        b += rgba[i + 2];
      }
      [r, g, b] = [r / 4, g / 4, b / 4];
      const c = (y / 2) * cw + x / 2;
      out[uOffset + c] = Math.round(128 + (-37.797 * r - 74.203 * g + 112 * b) / 255);
      out[vOffset + c] = Math.round(128 + (112 * r - 93.786 * g - 18.214 * b) / 255);
    }
  return out;
}

/** Writes the segments, in order, as a Y4M file (each distinct frame converted once). Returns the frame count. */
export function writeY4m(path: string, segments: Segment[], options: VideoOptions = {}): number {
  const { width, height, fps } = { ...DEFAULTS, ...options };
  const fd = openSync(path, 'w');
  let frames = 0;
  try {
    writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
    const cache = new Map<string, Buffer>();
    const header = Buffer.from('FRAME\n');
    for (const segment of segments) {
      const key = `${segment.code ?? ''}|${segment.marker ?? 0}`;
      let yuv = cache.get(key);
      if (!yuv) {
        yuv = rgbaToI420(frameRgba(segment.code, width, height, segment.marker), width, height);
        cache.set(key, yuv);
      }
      for (let n = 0; n < segment.frames; n++) {
        writeSync(fd, header);
        writeSync(fd, yuv);
        frames++;
      }
    }
  } finally {
    closeSync(fd);
  }
  return frames;
}

/** A camera that shows nothing (a white wall), a second of it looped. */
export const blankVideo = (path: string, options: VideoOptions = {}) =>
  writeY4m(path, [{ code: null, frames: options.fps ?? DEFAULTS.fps }], options);

/** A camera that shows the badge all the time. */
export const badgeVideo = (path: string, code: string, options: VideoOptions = {}) =>
  writeY4m(path, [{ code, frames: options.fps ?? DEFAULTS.fps }], options);

/**
 * A camera that shows nothing, then each code in turn for `showSec`, with `gapSec` of nothing between
 * (and before the first): a badge held up to the camera after a moment, then taken away.
 */
export function badgesAfterAMoment(
  path: string,
  codes: string[],
  {
    gapSec = 3,
    showSec = 1,
    tailSec = 0,
    ...options
  }: VideoOptions & { gapSec?: number; showSec?: number; tailSec?: number } = {},
): number {
  const fps = options.fps ?? DEFAULTS.fps;
  const segments: Segment[] = [];
  for (const code of codes)
    segments.push({ code: null, frames: Math.round(gapSec * fps) }, { code, frames: Math.round(showSec * fps) });
  if (tailSec) segments.push({ code: null, frames: Math.round(tailSec * fps) });
  return writeY4m(path, segments, options);
}

/** The header fields and one frame's luma plane (Y), read back from a Y4M file: for checking what was written. */
export function readY4mLuma(path: string, index = 0): { width: number; height: number; fps: string; luma: Buffer } {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(256);
    readSync(fd, head, 0, head.length, 0);
    const end = head.indexOf(0x0a);
    const fields = head.subarray(0, end).toString('latin1').split(' ');
    if (fields[0] !== 'YUV4MPEG2') throw new Error(`${path} is not a Y4M file`);
    const tag = (t: string) => fields.find((f) => f.startsWith(t))?.slice(1) ?? '';
    const width = Number(tag('W'));
    const height = Number(tag('H'));
    const frameBytes = 'FRAME\n'.length + (width * height * 3) / 2;
    const luma = Buffer.alloc(width * height);
    readSync(fd, luma, 0, luma.length, end + 1 + index * frameBytes + 'FRAME\n'.length);
    return { width, height, fps: tag('F'), luma };
  } finally {
    closeSync(fd);
  }
}

/** A luma plane as grey RGBA (what jsQR reads). */
export function lumaToRgba(luma: Buffer, width: number, height: number): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    // Studio range back to full range.
    const v = Math.max(0, Math.min(255, Math.round(((luma[i] - 16) * 255) / 219)));
    rgba[i * 4] = rgba[i * 4 + 1] = rgba[i * 4 + 2] = v;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

/** The marker a luma plane carries (the top-left blocks), 0 for none. */
export function markerOf(luma: Uint8Array, width: number): number {
  let marker = 0;
  for (let bit = 0; bit < 8; bit++) {
    const centre = (MARKER_BLOCK / 2) * width + bit * MARKER_BLOCK + MARKER_BLOCK / 2;
    if (luma[centre] < 128) marker |= 0x80 >> bit;
  }
  return marker;
}

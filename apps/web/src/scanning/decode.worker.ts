/// <reference lib="webworker" />
import jsQR from 'jsqr';
import type { DecodeRequest, DecodeResponse } from './camera';

/**
 * Decodes camera frames off the main thread: the native BarcodeDetector where the browser has one
 * for QR codes (Android Chrome, Safari), else jsQR on the frame's pixels read from an OffscreenCanvas
 * (Chromium on Linux and Windows has no detector). One frame at a time, sent as an ImageBitmap.
 */

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: ImageBitmap): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

declare const self: DedicatedWorkerGlobalScope & { BarcodeDetector?: BarcodeDetectorClass };

let native: Promise<BarcodeDetectorLike | null> | undefined;
function nativeDetector(): Promise<BarcodeDetectorLike | null> {
  const Detector = self.BarcodeDetector;
  native ??= Detector
    ? Detector.getSupportedFormats().then(
        (formats) => (formats.includes('qr_code') ? new Detector({ formats: ['qr_code'] }) : null),
        () => null,
      )
    : Promise.resolve(null);
  return native;
}

let canvas: OffscreenCanvas | undefined;
let context: OffscreenCanvasRenderingContext2D | null = null;

function decodeWithJsQR(frame: ImageBitmap): string[] {
  const { width, height } = frame;
  if (!canvas || canvas.width !== width || canvas.height !== height) {
    canvas = new OffscreenCanvas(width, height);
    context = canvas.getContext('2d', { willReadFrequently: true });
  }
  if (!context) return [];
  context.drawImage(frame, 0, 0);
  const pixels = context.getImageData(0, 0, width, height);
  // A badge on paper or a lit screen is dark on light: trying the inverted image too would double the time.
  const found = jsQR(pixels.data, width, height, { inversionAttempts: 'dontInvert' });
  return found?.data ? [found.data] : [];
}

self.onmessage = async (event: MessageEvent<DecodeRequest>) => {
  const { id, frame } = event.data;
  let codes: string[] = [];
  let engine: DecodeResponse['engine'] = 'jsqr';
  try {
    const detector = await nativeDetector();
    if (detector) {
      engine = 'native';
      codes = (await detector.detect(frame)).map((b) => b.rawValue).filter(Boolean);
    } else codes = decodeWithJsQR(frame);
  } catch {
    codes = [];
  } finally {
    frame.close();
  }
  const response: DecodeResponse = { id, codes, engine };
  self.postMessage(response);
};

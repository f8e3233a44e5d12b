/**
 * The camera for the scanner: a stream in a <video>, frames sent to the decode worker one at a time
 * (the next frame once the worker has answered), each code found handed to `onCode`. Front/back
 * switch (facingMode), and the torch where the track supports it.
 */

export interface DecodeRequest {
  id: number;
  frame: ImageBitmap;
}
export interface DecodeResponse {
  id: number;
  codes: string[];
  engine: 'native' | 'jsqr';
}

export type Facing = 'environment' | 'user';

export interface CameraOptions {
  video: HTMLVideoElement;
  onCode: (code: string) => void;
  /** The longest side of the frames decoded (smaller is faster; a badge QR fills a good part of the view). */
  maxSide?: number;
}

/** Whether this browser can give the page a camera at all. */
export const cameraAvailable = (): boolean =>
  typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia && typeof Worker !== 'undefined';

export class Camera {
  private stream: MediaStream | null = null;
  private worker: Worker | null = null;
  private running = false;
  private busy = false;
  private nextId = 0;
  private frameHandle: number | undefined;
  facing: Facing = 'environment';
  torchOn = false;

  constructor(private readonly options: CameraOptions) {}

  /** Starts (or restarts with another camera). Throws when no camera can be had (denied, none). */
  async start(facing: Facing = this.facing): Promise<void> {
    this.stopStream();
    this.facing = facing;
    const stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: facing }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
    this.stream = stream;
    const { video } = this.options;
    video.srcObject = stream;
    video.muted = true;
    video.playsInline = true;
    await video.play().catch(() => undefined);
    this.worker ??= this.createWorker();
    this.running = true;
    this.torchOn = false;
    this.schedule();
  }

  stop(): void {
    this.stopStream();
    this.worker?.terminate();
    this.worker = null;
  }

  /** Whether the device has more than one camera (the switch is offered then). */
  static async cameraCount(): Promise<number> {
    try {
      return (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').length;
    } catch {
      return 0;
    }
  }

  switchFacing(): Promise<void> {
    return this.start(this.facing === 'environment' ? 'user' : 'environment');
  }

  get torchSupported(): boolean {
    const track = this.stream?.getVideoTracks()[0];
    const caps: object = track?.getCapabilities?.() ?? {};
    return 'torch' in caps && caps.torch === true;
  }

  async setTorch(on: boolean): Promise<void> {
    const track = this.stream?.getVideoTracks()[0];
    if (!track || !this.torchSupported) return;
    await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
    this.torchOn = on;
  }

  private stopStream(): void {
    this.running = false;
    const { video } = this.options;
    if (this.frameHandle !== undefined) {
      if ('cancelVideoFrameCallback' in video) video.cancelVideoFrameCallback(this.frameHandle);
      else cancelAnimationFrame(this.frameHandle);
    }
    this.frameHandle = undefined;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    video.srcObject = null;
  }

  private createWorker(): Worker {
    const worker = new Worker(new URL('./decode.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<DecodeResponse>) => {
      this.busy = false;
      for (const code of event.data.codes) this.options.onCode(code);
      this.schedule();
    };
    worker.onerror = () => {
      this.busy = false;
      this.schedule();
    };
    return worker;
  }

  /** The next frame, when the video has one and the worker is free. */
  private schedule(): void {
    if (!this.running || this.busy || this.frameHandle !== undefined) return;
    const { video } = this.options;
    const next = () => {
      this.frameHandle = undefined;
      void this.grab();
    };
    this.frameHandle =
      'requestVideoFrameCallback' in video ? video.requestVideoFrameCallback(next) : requestAnimationFrame(next);
  }

  private async grab(): Promise<void> {
    const { video } = this.options;
    if (!this.running || !this.worker) return;
    if (video.readyState < 2 || !video.videoWidth) return this.schedule();
    const maxSide = this.options.maxSide ?? 800;
    const scale = Math.min(1, maxSide / Math.max(video.videoWidth, video.videoHeight));
    this.busy = true;
    try {
      const frame = await createImageBitmap(video, {
        resizeWidth: Math.round(video.videoWidth * scale),
        resizeHeight: Math.round(video.videoHeight * scale),
        resizeQuality: 'low',
      });
      if (!this.running || !this.worker) {
        frame.close();
        this.busy = false;
        return;
      }
      const request: DecodeRequest = { id: ++this.nextId, frame };
      this.worker.postMessage(request, [frame]);
    } catch {
      this.busy = false;
      this.schedule();
    }
  }
}

import { useEffect, useRef, useState } from 'react';
import { Camera, cameraAvailable } from '../scanning/camera';
import s from './CameraView.module.css';

/**
 * The camera's picture with its controls: on/off, front/back switch (when the device has two
 * cameras), torch (when the track supports it). Frames are decoded in a worker (scanning/camera.ts).
 * Shared by the door scanner (/scan) and the exhibitors' lead scanner (/exhibitor/leads).
 */
export function CameraView({
  onCode,
  enabled,
  idleMessage,
}: {
  onCode: (code: string) => void;
  enabled: boolean;
  /** What the picture says while the scanner is not ready (e.g. no checkpoint chosen yet). */
  idleMessage: string;
}) {
  const video = useRef<HTMLVideoElement>(null);
  const camera = useRef<Camera | null>(null);
  const handler = useRef(onCode);
  const [wanted, setWanted] = useState(true);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [cameras, setCameras] = useState(0);
  const [torch, setTorch] = useState<{ supported: boolean; on: boolean }>({ supported: false, on: false });

  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);

  useEffect(() => {
    if (!enabled || !wanted || !video.current) return;
    if (!cameraAvailable()) {
      setError('This browser gives the page no camera: type the code or use a handheld scanner.');
      return;
    }
    const cam = new Camera({ video: video.current, onCode: (code) => handler.current(code) });
    camera.current = cam;
    let current = true;
    cam.start().then(
      async () => {
        if (!current) return;
        setRunning(true);
        setError(null);
        setTorch({ supported: cam.torchSupported, on: false });
        setCameras(await Camera.cameraCount());
      },
      (e: unknown) => {
        if (!current) return;
        setRunning(false);
        setError(
          e instanceof DOMException && e.name === 'NotAllowedError'
            ? 'The camera is not allowed: allow it in the browser, or type the code.'
            : 'No camera could be started: type the code or use a handheld scanner.',
        );
      },
    );
    return () => {
      current = false;
      cam.stop();
      camera.current = null;
      setRunning(false);
    };
  }, [enabled, wanted]);

  const switchCamera = async () => {
    const cam = camera.current;
    if (!cam) return;
    try {
      await cam.switchFacing();
      setTorch({ supported: cam.torchSupported, on: false });
    } catch {
      setError('The other camera could not be started.');
    }
  };
  const toggleTorch = async () => {
    const cam = camera.current;
    if (!cam) return;
    await cam.setTorch(!cam.torchOn).catch(() => undefined);
    setTorch({ supported: cam.torchSupported, on: cam.torchOn });
  };

  return (
    <section className={s.camera} aria-label="Camera">
      <video ref={video} className={s.video} muted playsInline aria-hidden="true" />
      {!running && (
        <p className={s.cameraMessage}>
          {error ?? (enabled && wanted ? 'Starting the camera…' : enabled ? 'Camera off' : idleMessage)}
        </p>
      )}
      {running && <div className={s.aim} aria-hidden="true" />}
      <div className={s.cameraControls}>
        <button type="button" className="button" onClick={() => setWanted((w) => !w)} disabled={!enabled}>
          {wanted ? 'Stop camera' : 'Start camera'}
        </button>
        {running && cameras > 1 && (
          <button type="button" className="button" onClick={() => void switchCamera()}>
            Switch camera
          </button>
        )}
        {running && torch.supported && (
          <button type="button" className="button" aria-pressed={torch.on} onClick={() => void toggleTorch()}>
            Torch
          </button>
        )}
      </div>
    </section>
  );
}

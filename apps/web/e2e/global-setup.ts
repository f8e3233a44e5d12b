import { assertChromium } from './chromium';

/** Before anything starts: no Chromium is a failure naming the install command, never a skip. */
export default function globalSetup(): void {
  assertChromium();
}

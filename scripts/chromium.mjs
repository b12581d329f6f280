// Where the e2e tests find a Chromium: CHROMIUM_PATH, or Debian's package. Nothing is
// downloaded at run time (no `npx playwright install`).
import { existsSync } from 'node:fs';

export const CHROMIUM_CANDIDATES = [
	process.env.CHROMIUM_PATH,
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome'
].filter(Boolean);

export function findChromium() {
	return CHROMIUM_CANDIDATES.find((p) => existsSync(p));
}

export const NO_CHROMIUM_MESSAGE = `No Chromium found for the e2e tests (looked at: ${CHROMIUM_CANDIDATES.join(', ')}).
Install one, then run the tests again:
  Debian/Ubuntu:  sudo apt-get install -y chromium
  elsewhere:      set CHROMIUM_PATH=/path/to/chromium (or chrome)`;

/**
 * Service-worker registration and the update flow (workbox-window): a waiting new version is
 * offered to the person, never forced; applying it reloads the page once the new worker
 * controls it.
 */
import { Workbox } from 'workbox-window';
import { dev } from '$app/environment';

class PwaState {
	updateAvailable = $state(false);
	registered = $state(false);
	private wb: Workbox | undefined;

	register(): void {
		if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
		const wb = new Workbox('/service-worker.js', { type: dev ? 'module' : 'classic' });
		wb.addEventListener('waiting', () => (this.updateAvailable = true));
		wb.register()
			.then(() => (this.registered = true))
			.catch(() => (this.registered = false));
		this.wb = wb;
	}

	/** Applies the waiting version: the page reloads when the new worker takes control. */
	applyUpdate(): void {
		if (!this.wb) return;
		this.wb.addEventListener('controlling', () => window.location.reload());
		this.wb.messageSkipWaiting();
	}

	dismiss(): void {
		this.updateAvailable = false;
	}
}

export const pwa = new PwaState();

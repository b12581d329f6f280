/**
 * Reads the device's database reactively: the value follows every write (Dexie liveQuery),
 * and the query is re-made when the `key` it depends on changes (route params).
 */
import { liveQuery } from 'dexie';

export function live<K, T>(key: () => K, query: (key: K) => Promise<T>, initial: T) {
	const state = $state({ value: initial, loaded: false, error: null as string | null });
	$effect(() => {
		const k = key();
		const sub = liveQuery(() => query(k)).subscribe({
			next: (v) => {
				state.value = v;
				state.loaded = true;
				state.error = null;
			},
			error: (e: unknown) => {
				state.error = e instanceof Error ? e.message : String(e);
			}
		});
		return () => sub.unsubscribe();
	});
	return state;
}

export { localToday } from '../client/clock';

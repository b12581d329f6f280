import type { GroupSettings } from '../domain';
import { GroupSettingsShapeSchema } from '../domain/schemas';
import { apiCall } from './api';
import type { LocalStore } from './store';

/** The group's settings: from the server when reachable, else the copy kept on the device. */
export async function groupSettings(
	store: LocalStore,
	groupId: string
): Promise<GroupSettings | undefined> {
	const key = `settings:${groupId}`;
	try {
		const s = await apiCall('GET', `/api/groups/${groupId}/settings`, GroupSettingsShapeSchema);
		await store.setMeta(key, s);
		return s;
	} catch {
		const kept = GroupSettingsShapeSchema.safeParse(await store.getMeta(key));
		return kept.success ? kept.data : undefined;
	}
}

/**
 * Translations through svelte-i18n (ICU messages: plurals, numbers). French by default;
 * the choice is kept on the device. Each screen keeps its messages in `messages/<screen>.ts`
 * exporting `{ fr, en }` with the same keys; they are gathered here.
 */
import { addMessages, init, locale } from 'svelte-i18n';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type Messages = Record<string, string>;
const KEY = 'amap.language';

const modules = import.meta.glob<{ fr: Messages; en: Messages }>('./messages/*.ts', {
	eager: true
});
for (const m of Object.values(modules)) {
	addMessages('fr', m.fr);
	addMessages('en', m.en);
}

function saved(): Language {
	try {
		const v = globalThis.localStorage?.getItem(KEY);
		return v === 'en' ? 'en' : 'fr';
	} catch {
		return 'fr';
	}
}

init({ fallbackLocale: 'fr', initialLocale: saved() });

export function currentLanguage(): Language {
	return saved();
}

export function setLanguage(lang: Language): void {
	locale.set(lang);
	try {
		globalThis.localStorage?.setItem(KEY, lang);
	} catch {
		// private mode: the choice lasts for this visit only
	}
	if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export { _, locale } from 'svelte-i18n';

/** The group's calendar day (YYYY-MM-DD) at an instant: distributions are dated in France. */
export function localDay(at: Date, timeZone = 'Europe/Paris'): string {
	// en-CA formats as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(at);
}

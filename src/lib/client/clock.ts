/** Today's date in the group's calendar (YYYY-MM-DD), from the device clock. */
export function localToday(now: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/Paris',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(now);
}

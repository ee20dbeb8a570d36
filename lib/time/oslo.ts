// The one definition of "today" and "overdue": the calendar day in Norway (Europe/Oslo), for the
// screens (server and browser), the CSV export, the due-date reminders and the once-a-day e-mail rule.
// Due dates are calendar dates (YYYY-MM-DD); nothing here depends on the machine's own time zone.

export const OSLO = "Europe/Oslo";

const dateFormat = new Intl.DateTimeFormat("sv-SE", { timeZone: OSLO });
const wallClock = new Intl.DateTimeFormat("en-US", {
  timeZone: OSLO, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
});

/** Today's date in Norway, YYYY-MM-DD. */
export function todayInOslo(now: Date = new Date()): string {
  return dateFormat.format(now);
}

/** The calendar date `days` after `date` (YYYY-MM-DD; negative goes back). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Oslo's offset from UTC at `instant`, in milliseconds (+1 h in winter, +2 h in summer). */
function osloOffsetMs(instant: number): number {
  const p = Object.fromEntries(wallClock.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant the Oslo calendar day `date` (YYYY-MM-DD) begins. */
export function startOfOsloDate(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  // Two rounds: the offset at Oslo midnight may differ from the one at UTC midnight only if a DST
  // change fell between them (Norway changes at 01:00 UTC, so one round is already exact).
  let t = utcMidnight - osloOffsetMs(utcMidnight);
  t = utcMidnight - osloOffsetMs(t);
  return new Date(t);
}

/** The instant the Oslo calendar day containing `now` began (00:00 in Norway, as a Date). */
export function startOfOsloDay(now: Date = new Date()): Date {
  return startOfOsloDate(todayInOslo(now));
}

const OPEN_STATUSES = new Set(["OPEN", "IN_PROGRESS", "BLOCKED"]);

/** Whether an item is still being worked on (open, in progress or blocked). */
export function isOpen(item: { status: string }): boolean {
  return OPEN_STATUSES.has(item.status);
}

/** Open, with a due date before `today` (YYYY-MM-DD, from todayInOslo): due today is not overdue yet. */
export function isOverdue(item: { status: string; dueDate: string | null }, today: string): boolean {
  return isOpen(item) && item.dueDate !== null && item.dueDate < today;
}

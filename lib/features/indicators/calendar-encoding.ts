const DAY_MS = 86_400_000;
const TWO_PI = 2 * Math.PI;

export interface CalendarEncoding {
  timeOfDaySin: number;
  timeOfDayCos: number;
  dayOfWeekSin: number;
  dayOfWeekCos: number;
}

/**
 * Time of day and day of week of a UTC instant on the unit circle, so 23:59 sits next to 00:00 and Sunday next to
 * Monday. Day of week counts from Monday = 0 (ISO); Unix day 0, 1970-01-01, was a Thursday (3). Stateless, so
 * streaming and batch are trivially the same.
 */
export function encodeCalendar(utcMs: number): CalendarEncoding {
  const msOfDay = ((utcMs % DAY_MS) + DAY_MS) % DAY_MS;
  const dayOfWeek = (((Math.floor(utcMs / DAY_MS) + 3) % 7) + 7) % 7;
  const day = (TWO_PI * msOfDay) / DAY_MS;
  const week = (TWO_PI * dayOfWeek) / 7;
  return { timeOfDaySin: Math.sin(day), timeOfDayCos: Math.cos(day), dayOfWeekSin: Math.sin(week), dayOfWeekCos: Math.cos(week) };
}

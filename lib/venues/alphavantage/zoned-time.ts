const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at this instant, in ms. */
function zoneOffsetMs(utcMs: number, timeZone: string): number {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(utcMs).map((p) => [p.type, p.value]));
  const wallAsUtc = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  return wallAsUtc - Math.floor(utcMs / 1000) * 1000;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * "2024-03-11 09:30:00" on the wall clock of an IANA zone ("US/Eastern", "UTC") as Unix ms.
 * Throws on a malformed time or an unknown zone. A wall time that occurs twice (the hour DST ends) is read as the first.
 */
export function wallTimeToUtc(wallTime: string, timeZone: string): number {
  const match = WALL_TIME.exec(wallTime);
  if (!match) throw new Error(`"${wallTime}" is not a time like 2024-03-11 09:30:00`);
  const [, y, mo, d, h = "0", mi = "0", s = "0"] = match;
  const wallAsUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  // The offset at the guessed instant can differ from the one at the true instant across a DST switch; a second pass settles it.
  const guess = wallAsUtc - zoneOffsetMs(wallAsUtc, timeZone);
  return wallAsUtc - zoneOffsetMs(guess, timeZone);
}

/** Broker server time as the EA writes it: YYYY.MM.DD HH:MM:SS (the emulator's server runs on UTC). */
export function serverTime(time: Date, withSeconds = true): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  const date = `${time.getUTCFullYear()}.${pad(time.getUTCMonth() + 1)}.${pad(time.getUTCDate())}`;
  const clock = `${pad(time.getUTCHours())}:${pad(time.getUTCMinutes())}`;
  return withSeconds ? `${date} ${clock}:${pad(time.getUTCSeconds())}` : `${date} ${clock}`;
}

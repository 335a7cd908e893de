/** The part of a closed bar the feature pipeline reads; openTime is Unix ms, UTC. Bar and RecordedBar both fit. */
export interface OhlcvBar {
  openTime: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

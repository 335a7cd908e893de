import { RollingWindow } from "./rolling-window";
import { runBatch, type StreamingIndicator } from "./streaming";

/**
 * (volume - mean) / population std over the last n volumes, the current one included; 0 when every volume in the
 * window is the same (nothing unusual happened, and a model must not see Infinity). First value at bar n-1.
 */
export class VolumeZScore implements StreamingIndicator<number, number> {
  private readonly window: RollingWindow;

  constructor(readonly period = 20) {
    this.window = new RollingWindow(period);
  }

  update(volume: number): number | null {
    this.window.push(volume);
    if (!this.window.full) return null;
    const std = this.window.std(0);
    return std === 0 ? 0 : (volume - this.window.mean()) / std;
  }
}

export const computeVolumeZScore = (volumes: readonly number[], period = 20) => runBatch(new VolumeZScore(period), volumes);

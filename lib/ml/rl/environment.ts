/** What one step of an episodic environment returns. */
export interface StepResult {
  observation: number[];
  reward: number;
  done: boolean;
}

/** An episodic environment with a fixed-size observation and a discrete action set 0..actionCount-1. */
export interface Environment {
  readonly observationSize: number;
  readonly actionCount: number;
  /** Starts a new episode; returns its first observation. */
  reset(): number[];
  step(action: number): StepResult;
}

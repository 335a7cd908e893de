/**
 * The training job's queue name, apart from the job itself: the web routes enqueue by this name and must not import
 * the worker-thread code (the job runs in the jobs process, or the embedded one).
 */
export const TRAINING_JOB = "model-training";

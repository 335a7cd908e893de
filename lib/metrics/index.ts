export { METRIC_NAMES } from "./metric-names";
export { metricsRegistry } from "./registry";
export { markProcessUp } from "./process";
export { observeHttp } from "./http";
export { countBar, countFill, countOrderStatus, countRejection, countSignal, countTick, trackEngineState } from "./trading";
export { countTrainingRun, observeInference, setModelHitRate } from "./models";
export { countRateLimitHit, observeDbWrite, setDiskFreeRatio, trackQueueDepths, trackSocketClients, watchRedis } from "./infrastructure";

export { type AlertInput } from "./alert-input";
export { type StoredAlert } from "./alert-store";
export { type Alerter, type AlerterOptions, createAlerter } from "./alerter";
export { type AlertDelivery, type AlertDeliveryOptions, createAlertDelivery, type RateLimit } from "./alert-delivery";
export { type AlertDeliveryWorker, startAlertDelivery } from "./delivery-worker";
export { type AlertChannel, configuredChannels } from "./channels";
export { ALERT_SEVERITIES, type AlertSeverity } from "./severity";
export * from "./operator-alerts";
export * from "./risk-transition-alerts";

export interface MlflowMetric { key: string; value: number; timestamp: number; step: number }
export interface MlflowKeyValue { key: string; value: string }
export interface MlflowBatch { metrics: MlflowMetric[]; params: MlflowKeyValue[]; tags: MlflowKeyValue[] }

/** runs/log-batch request limits (MLflow REST API docs): 1000 metrics, 100 params, 100 tags, 1000 items in total. */
export const LOG_BATCH_LIMITS = { metrics: 1000, params: 100, tags: 100, total: 1000 } as const;
/** Param values are limited to 500 bytes by older servers (6000 characters from MLflow 2.x): the smaller is safe everywhere. */
export const MAX_PARAM_VALUE_BYTES = 500;
/** Tag values are guaranteed up to 5000 bytes by every storage backend. */
export const MAX_TAG_VALUE_BYTES = 5000;

/** Cuts a string to at most `maxBytes` of UTF-8 without splitting a character. */
export function truncateUtf8(value: string, maxBytes: number): string {
  if (Buffer.byteLength(value) <= maxBytes) return value;
  let out = "";
  for (const char of value) {
    if (Buffer.byteLength(out + char) > maxBytes) break;
    out += char;
  }
  return out;
}

/** Splits metrics, params and tags into log-batch requests that each respect every limit, in their original order. */
export function splitBatch(batch: MlflowBatch): MlflowBatch[] {
  const rest = { metrics: [...batch.metrics], params: [...batch.params], tags: [...batch.tags] };
  const out: MlflowBatch[] = [];
  while (rest.metrics.length + rest.params.length + rest.tags.length > 0) {
    const params = rest.params.splice(0, LOG_BATCH_LIMITS.params);
    const tags = rest.tags.splice(0, LOG_BATCH_LIMITS.tags);
    const room = Math.min(LOG_BATCH_LIMITS.metrics, LOG_BATCH_LIMITS.total - params.length - tags.length);
    out.push({ metrics: rest.metrics.splice(0, room), params, tags });
  }
  return out;
}

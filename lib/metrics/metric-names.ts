/**
 * Every metric family this app exports (histograms add _bucket/_sum/_count samples to the family name).
 * Dashboards and alert rules may only query these; a unit test keeps this list equal to the registry.
 */
export const PROCESS_METRIC_NAMES = [
  "tradeforge_process_cpu_user_seconds_total",
  "tradeforge_process_cpu_system_seconds_total",
  "tradeforge_process_cpu_seconds_total",
  "tradeforge_process_start_time_seconds",
  "tradeforge_process_resident_memory_bytes",
  "tradeforge_process_virtual_memory_bytes",
  "tradeforge_process_heap_bytes",
  "tradeforge_process_open_fds",
  "tradeforge_process_max_fds",
  "tradeforge_nodejs_eventloop_lag_seconds",
  "tradeforge_nodejs_eventloop_lag_min_seconds",
  "tradeforge_nodejs_eventloop_lag_max_seconds",
  "tradeforge_nodejs_eventloop_lag_mean_seconds",
  "tradeforge_nodejs_eventloop_lag_stddev_seconds",
  "tradeforge_nodejs_eventloop_lag_p50_seconds",
  "tradeforge_nodejs_eventloop_lag_p90_seconds",
  "tradeforge_nodejs_eventloop_lag_p99_seconds",
  "tradeforge_nodejs_active_resources",
  "tradeforge_nodejs_active_resources_total",
  "tradeforge_nodejs_active_handles",
  "tradeforge_nodejs_active_handles_total",
  "tradeforge_nodejs_active_requests",
  "tradeforge_nodejs_active_requests_total",
  "tradeforge_nodejs_heap_size_total_bytes",
  "tradeforge_nodejs_heap_size_used_bytes",
  "tradeforge_nodejs_external_memory_bytes",
  "tradeforge_nodejs_heap_space_size_total_bytes",
  "tradeforge_nodejs_heap_space_size_used_bytes",
  "tradeforge_nodejs_heap_space_size_available_bytes",
  "tradeforge_nodejs_version_info",
  "tradeforge_nodejs_gc_duration_seconds",
  "tradeforge_up",
] as const;

export const HTTP_METRIC_NAMES = ["tradeforge_http_request_duration_seconds"] as const;

export const TRADING_METRIC_NAMES = [
  "tradeforge_ticks_total",
  "tradeforge_bars_total",
  "tradeforge_orders_total",
  "tradeforge_fills_total",
  "tradeforge_order_rejections_total",
  "tradeforge_equity",
  "tradeforge_pnl",
  "tradeforge_drawdown_ratio",
  "tradeforge_risk_state",
  "tradeforge_signals_total",
] as const;

export const MODEL_METRIC_NAMES = ["tradeforge_inference_duration_seconds", "tradeforge_model_hit_rate", "tradeforge_training_runs_total"] as const;

export const INFRASTRUCTURE_METRIC_NAMES = [
  "tradeforge_db_write_duration_seconds",
  "tradeforge_tick_buffer_depth",
  "tradeforge_rate_limit_hits_total",
  "tradeforge_socketio_clients",
  "tradeforge_venue_connected",
  "tradeforge_disk_free_ratio",
  "tradeforge_queue_jobs",
  "tradeforge_redis_up",
  "tradeforge_redis_ping_seconds",
] as const;

export const METRIC_NAMES: readonly string[] = [
  ...PROCESS_METRIC_NAMES,
  ...HTTP_METRIC_NAMES,
  ...TRADING_METRIC_NAMES,
  ...MODEL_METRIC_NAMES,
  ...INFRASTRUCTURE_METRIC_NAMES,
];

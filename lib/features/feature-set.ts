/** One named feature and what it means, as `GET /api/features` shows it. */
export interface FeatureDefinition {
  name: string;
  definition: string;
  /** Calendar encodings are known functions of the clock: their "drift" measures the window, not the market. */
  kind: "market" | "calendar";
}

export interface FeatureSet {
  /** Bump whenever a definition, period or convention changes: stored vectors are keyed by it. */
  version: string;
  features: readonly FeatureDefinition[];
}

/** Scale-free where possible (returns, ratios to price, z-scores), so one model can read several symbols. */
export const FEATURE_SET_V1: FeatureSet = {
  version: "v1",
  features: [
    { name: "ret_1", definition: "log return over 1 bar: ln(close / close 1 bar ago)", kind: "market" },
    { name: "ret_5", definition: "log return over 5 bars", kind: "market" },
    { name: "ret_20", definition: "log return over 20 bars", kind: "market" },
    { name: "rv_20", definition: "realised volatility: sample std of the last 20 one-bar log returns, per bar", kind: "market" },
    { name: "rsi_14", definition: "RSI(14), ta convention: ewm(alpha=1/14, adjust=False) of gains and losses from the first bar; 0..100", kind: "market" },
    { name: "macd_line", definition: "MACD line (EMA12 - EMA26 of close, seeded with the first close) / close", kind: "market" },
    { name: "macd_signal", definition: "MACD signal (EMA9 of the line) / close", kind: "market" },
    { name: "macd_hist", definition: "MACD histogram (line - signal) / close", kind: "market" },
    { name: "bb_pct_b", definition: "Bollinger %B(20, 2, population std): 0 at the lower band, 1 at the upper", kind: "market" },
    { name: "bb_width", definition: "Bollinger width (upper - lower) / middle * 100", kind: "market" },
    { name: "atr_rel_14", definition: "ATR(14), Wilder seeded with the mean of the first 14 true ranges, / close", kind: "market" },
    { name: "adx_14", definition: "ADX(14), Wilder with sum seeding; 0..100", kind: "market" },
    { name: "plus_di_14", definition: "+DI(14); 0..100", kind: "market" },
    { name: "minus_di_14", definition: "-DI(14); 0..100", kind: "market" },
    { name: "volume_z_20", definition: "(volume - mean) / population std of the last 20 volumes; 0 when they are all equal", kind: "market" },
    { name: "tod_sin", definition: "sin(2 pi * UTC time of day of the bar open / 24 h)", kind: "calendar" },
    { name: "tod_cos", definition: "cos(2 pi * UTC time of day of the bar open / 24 h)", kind: "calendar" },
    { name: "dow_sin", definition: "sin(2 pi * UTC day of week / 7), Monday = 0", kind: "calendar" },
    { name: "dow_cos", definition: "cos(2 pi * UTC day of week / 7), Monday = 0", kind: "calendar" },
  ],
};

export const featureNames = (set: FeatureSet): string[] => set.features.map((f) => f.name);

/** The features whose distribution can drift with the market (the calendar ones only follow the clock). */
export const marketFeatureNames = (set: FeatureSet): string[] => set.features.filter((f) => f.kind === "market").map((f) => f.name);

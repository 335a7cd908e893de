import { liveBannerText } from "@/components/venues/venue-words";

// Inline, so the warning cannot be lost to a stylesheet that failed to load or was restyled.
const BAR_STYLE = {
  background: "#b91c1c", color: "#fff", fontWeight: 700, letterSpacing: "0.03em", textAlign: "center",
  padding: "8px 12px", width: "100%",
} as const;

/** Live mode: a red bar across the top of the dashboard that says which symbols trade real funds, and where. */
export function LiveBanner({ routes }: { routes: ReadonlyArray<{ symbol: string; venue: string }> }) {
  return (
    <div role="alert" data-testid="live-banner" style={BAR_STYLE}>
      {liveBannerText(routes)}
    </div>
  );
}

"use client";

import type { FeedKind, FeedState, FeedStatus } from "@/lib/domain/market-data";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { useLiveFeeds } from "@/lib/client/use-live-feeds";

const KIND_LABEL: Record<FeedKind, string> = { sim: "SIMULATED", replay: "REPLAY", bybit: "BYBIT", alphavantage: "ALPHA VANTAGE", mt5: "MT5" };

const STATE_TONE: Record<FeedState, BadgeTone> = {
  starting: "info",
  live: "success",
  stopped: "neutral",
  finished: "neutral",
  error: "danger",
};

function FeedBadge({ feed }: { feed: FeedStatus }) {
  return (
    <Badge
      tone={feed.label ? "warning" : STATE_TONE[feed.state]}
      testId="feed-badge"
      state={feed.state}
      title={`${feed.name}: ${feed.symbols.join(", ")} (${feed.ticks} ticks)`}
    >
      {feed.label ?? KIND_LABEL[feed.kind]} · {feed.state}
    </Badge>
  );
}

/** Says where the prices come from, so simulated or replayed data is never mistaken for a live market. */
export function FeedBadges({ initial }: { initial: readonly FeedStatus[] }) {
  const feeds = useLiveFeeds(initial);
  if (feeds.length === 0) {
    return (
      <Badge tone="warning" testId="feed-badge" state="none">
        NO FEED
      </Badge>
    );
  }
  return (
    <span className="badge-group" aria-label="Market data feeds">
      {feeds.map((feed) => (
        <FeedBadge key={feed.name} feed={feed} />
      ))}
    </span>
  );
}

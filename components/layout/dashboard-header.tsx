"use client";

import type { DashboardConfig } from "@/lib/dashboard-config";
import { UserMenu } from "@/components/auth/user-menu";
import { Badge } from "@/components/ui/badge";
import { ConnectionStatus } from "@/components/layout/connection-status";
import { FeedBadges } from "@/components/layout/feed-badges";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { liveBannerText } from "@/components/venues/venue-words";

export function DashboardHeader({ config }: { config: DashboardConfig }) {
  const live = config.tradingMode === "live";
  return (
    <header className="app-header">
      <h1 className="brand">TradeForge</h1>
      <div className="header-badges">
        <FeedBadges initial={config.feeds} />
        <Badge
          tone={live ? "danger" : "info"}
          testId="trading-mode"
          state={config.tradingMode}
          title={live ? liveBannerText(config.liveRoutes) : "Orders are filled by the paper broker"}
        >
          {live ? "LIVE" : "PAPER"}
        </Badge>
        <ConnectionStatus />
        <NotificationBell />
      </div>
      <UserMenu email={config.user.email} role={config.user.role} />
    </header>
  );
}

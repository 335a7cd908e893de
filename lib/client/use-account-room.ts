"use client";

import { rooms } from "@/lib/realtime/events";
import { useDashboardConfig } from "@/lib/client/use-dashboard-config";
import { useRooms } from "@/lib/client/use-socket";

/** Joins this dashboard's account room (account, positions, order, fill and risk events). */
export function useAccountRoom(): void {
  const { accountId } = useDashboardConfig();
  useRooms([rooms.account(accountId)]);
}

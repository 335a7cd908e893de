"use client";

import { createContext, useContext } from "react";
import type { DashboardConfig } from "@/lib/dashboard-config";

export const DashboardConfigContext = createContext<DashboardConfig | null>(null);

export function useDashboardConfig(): DashboardConfig {
  const config = useContext(DashboardConfigContext);
  if (!config) throw new Error("useDashboardConfig must be used inside <Dashboard>");
  return config;
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { engageKillSwitchAction, rearmTradingAction } from "@/app/actions";
import type { ActionResult } from "@/lib/api-types";
import type { RiskView } from "@/lib/domain/account";
import { queryKeys, riskQuery } from "@/lib/client/queries";

function useRiskMutation<V>(action: (value: V) => Promise<ActionResult<RiskView>>) {
  const queryClient = useQueryClient();
  return useMutation<ActionResult<RiskView>, Error, V>({
    mutationFn: action,
    onSuccess: (result) => {
      if (result.ok) queryClient.setQueryData(riskQuery().queryKey, (old) => ({ ...old, risk: result.data }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.risk }),
  });
}

/** Engages the kill switch; the result becomes the cached risk state. */
export function useKillSwitch() {
  return useRiskMutation<void>(() => engageKillSwitchAction());
}

/** Re-arms trading with the admin's password re-entered. */
export function useRearm() {
  return useRiskMutation<string>((password) => rearmTradingAction(password));
}

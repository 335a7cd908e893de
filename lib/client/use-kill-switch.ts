"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { setKillSwitchAction } from "@/app/actions";
import type { ActionResult } from "@/lib/api-types";
import type { RiskView } from "@/lib/domain/account";
import { queryKeys, riskQuery } from "@/lib/client/queries";

/** Engages (true) or re-arms (false) the kill switch; a successful result becomes the cached risk state. */
export function useKillSwitch() {
  const queryClient = useQueryClient();
  return useMutation<ActionResult<RiskView>, Error, boolean>({
    mutationFn: (engaged) => setKillSwitchAction(engaged),
    onSuccess: (result) => {
      if (result.ok) queryClient.setQueryData(riskQuery().queryKey, { risk: result.data });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.risk }),
  });
}

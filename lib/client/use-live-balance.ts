"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { balanceQuery } from "@/lib/client/queries";
import { useAccountRoom } from "@/lib/client/use-account-room";
import { useSocketEvent } from "@/lib/client/use-socket";

/** The account balance from /api/balance, replaced by every `account` event. */
export function useLiveBalance() {
  const queryClient = useQueryClient();
  useAccountRoom();
  useSocketEvent("account", (account) => {
    queryClient.setQueryData(balanceQuery().queryKey, { account });
  });
  return useQuery(balanceQuery());
}

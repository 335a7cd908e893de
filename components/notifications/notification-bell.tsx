"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { QueryStatus } from "@/components/ui/query-status";
import { NotificationItem } from "./notification-item";
import { notificationsQuery } from "./notifications-query";
import { useMarkRead } from "./use-mark-read";
import styles from "./notifications.module.css";

/** The header's bell: how many alerts the user has not read, and the latest ones in a dropdown. */
export function NotificationBell() {
  const { data, isPending, error } = useQuery(notificationsQuery());
  const markRead = useMarkRead();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useCloseOnOutside(root, open, setOpen);

  const unread = data?.unreadCount ?? 0;
  const items = data?.items ?? [];
  return (
    <div className={styles.root} ref={root}>
      <button
        type="button"
        className={`button button-small ${styles.bell}`}
        data-testid="notification-bell"
        aria-haspopup="true"
        aria-expanded={open}
        aria-label={`Notifications, ${unread} unread`}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span>
        {unread > 0 ? (
          <span className={styles.count} data-testid="notification-count">
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      {open ? (
        <div className={styles.dropdown} data-testid="notification-list" role="region" aria-label="Notifications">
          <div className={styles.dropdownHead}>
            <span>Notifications</span>
            <button type="button" className="button button-small" disabled={unread === 0 || markRead.isPending} onClick={() => markRead.mutate({ all: true })}>
              Mark all read
            </button>
          </div>
          <QueryStatus isPending={isPending} error={error ?? markRead.error} label="notifications" />
          {data && items.length === 0 ? <p className={styles.empty}>No alerts.</p> : null}
          <ul className={styles.list}>
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onRead={(id) => markRead.mutate({ ids: [id] })} />
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** Closes the dropdown on a click elsewhere or Escape, as menus do. */
function useCloseOnOutside(root: React.RefObject<HTMLElement | null>, open: boolean, setOpen: (open: boolean) => void) {
  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    const onClick = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") close();
    };
    document.addEventListener("mousedown", onClick);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("mousedown", onClick);
      document.removeEventListener("keydown", onKey);
    };
  }, [root, open, setOpen]);
}

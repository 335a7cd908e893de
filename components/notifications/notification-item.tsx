import { Badge, type BadgeTone } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/client/format";
import type { NotificationView } from "@/lib/server/notifications/notification-view";
import styles from "./notifications.module.css";

const TONE: Record<string, BadgeTone> = { high: "danger", medium: "warning", low: "info" };

export function NotificationItem({ notification, onRead }: { notification: NotificationView; onRead: (id: number) => void }) {
  const { id, severity, title, message, lastSeenAt, repeats, read } = notification;
  return (
    <li
      className={`${styles.item} ${read ? "" : styles.unread}`}
      data-testid="notification-item"
      data-severity={severity}
      data-read={read}
    >
      <div className={styles.itemHead}>
        <Badge tone={TONE[severity] ?? "neutral"} state={severity}>
          {severity}
        </Badge>
        <strong className={styles.title}>{title}</strong>
        {read ? null : (
          <button type="button" className={`button button-small ${styles.markRead}`} onClick={() => onRead(id)}>
            Mark read
          </button>
        )}
      </div>
      <p className={styles.message}>{message}</p>
      <p className={styles.meta}>
        <time dateTime={lastSeenAt}>{formatDateTime(Date.parse(lastSeenAt))}</time>
        {repeats > 0 ? <span data-testid="notification-repeats"> · repeated {repeats}×</span> : null}
      </p>
    </li>
  );
}

import type { VenueConnectionStatus } from "@/lib/execution/live-venue";
import { UtcTime } from "@/components/auth/utc-time";
import { Badge } from "@/components/ui/badge";
import { connectionWords, venueLabel } from "./venue-words";

/** A live venue's connection: state, why (in the venue's own plain words), last message and since when. */
export function VenueConnection({ connection, lastMessageLabel = "Last message" }: { connection: VenueConnectionStatus; lastMessageLabel?: string }) {
  const words = connectionWords(connection.state);
  return (
    <dl className="stats" data-testid={`venue-connection-${connection.venue}`}>
      <div className="stat">
        <dt>Connection</dt>
        <dd>
          <Badge tone={words.tone} state={connection.state} testId="venue-connection-state" title={`${venueLabel(connection.venue)}: ${connection.state}`}>
            {words.label}
          </Badge>
        </dd>
      </div>
      <div className="stat">
        <dt>Since</dt>
        <dd><UtcTime at={connection.since} /></dd>
      </div>
      <div className="stat">
        <dt>{lastMessageLabel}</dt>
        <dd data-testid="venue-connection-last-message"><UtcTime at={connection.lastMessageAt} /></dd>
      </div>
      {connection.detail ? (
        <div className="stat stat-wide">
          <dt>Detail</dt>
          <dd data-testid="venue-connection-detail">{connection.detail}</dd>
        </div>
      ) : null}
    </dl>
  );
}

import type { MemberVote } from "@/lib/ml/ensemble/member-output";
import { DirectionLabel } from "./direction-label";

/** Each member's own call (rf, lstm, ddqn), in member order. */
export function MemberVotes({ votes }: { votes: MemberVote[] }) {
  return (
    <span className="member-votes" data-testid="member-votes" style={{ display: "inline-flex", flexWrap: "wrap", gap: 10 }}>
      {votes.map((vote) => (
        <span key={vote.member} data-testid={`model-vote-${vote.member}`} data-member={vote.member}>
          <span className="status-text">{vote.member}</span> <DirectionLabel direction={vote.direction} confidence={vote.confidence} />
        </span>
      ))}
    </span>
  );
}

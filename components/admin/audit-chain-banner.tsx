import type { AuditVerification } from "@/lib/db/audit";

/** Whether the hash chain still proves that no entry was edited, removed or inserted. */
export function AuditChainBanner({ status }: { status: AuditVerification }) {
  if (status.ok) {
    return (
      <p className="banner banner-ok" role="status" data-testid="audit-chain-status" data-state="ok">
        Chain intact: {status.entries} entries verified
        {status.legacy > 0 ? ` (${status.legacy} older entries predate the chain)` : ""}.
      </p>
    );
  }
  return (
    <p className="banner banner-danger" role="alert" data-testid="audit-chain-status" data-state="broken" data-broken-id={status.brokenId}>
      Chain broken at entry #{status.brokenId}: {status.reason}.
    </p>
  );
}

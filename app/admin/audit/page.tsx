import Link from "next/link";
import { z } from "zod";
import { AuditChainBanner } from "@/components/admin/audit-chain-banner";
import { AuditFilters } from "@/components/admin/audit-filters";
import { AuditTable } from "@/components/admin/audit-table";
import { Panel } from "@/components/ui/panel";
import { pageActor } from "@/lib/server/auth/page-actor";
import { auditChainStatus, listAuditEntries } from "@/lib/server/admin/audit-log";

export const dynamic = "force-dynamic";

const text = (max: number) => z.string().trim().min(1).max(max).optional().catch(undefined);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(d))).optional().catch(undefined);
// Bad values in a hand-edited URL are dropped rather than failing the page.
const querySchema = z.object({
  actor: text(200),
  action: text(100),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

type SearchParams = Record<string, string | string[] | undefined>;

function href(params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return text ? `/admin/audit?${text}` : "/admin/audit";
}

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { ctx } = await pageActor("admin", "/admin/audit");
  const raw = await searchParams;
  const filter = querySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const [page, chain] = await Promise.all([listAuditEntries(ctx.database.db, { ...filter, limit: 50 }), auditChainStatus(ctx.database.db)]);
  const filters = { actor: filter.actor, action: filter.action, from: filter.from, to: filter.to };

  return (
    <div className="dashboard-grid page-grid">
      <Panel title="Audit log" span={12} testId="admin-audit">
        <AuditChainBanner status={chain} />
        <AuditFilters values={filters} />
        <AuditTable entries={page.entries} />
        <nav className="pager" aria-label="Audit log pages">
          {filter.before !== undefined ? (
            <Link href={href(filters)} className="button button-small" data-testid="audit-newest">
              Newest
            </Link>
          ) : null}
          {page.nextBefore !== null ? (
            <Link href={href({ ...filters, before: page.nextBefore })} className="button button-small" data-testid="audit-older">
              Older entries
            </Link>
          ) : null}
        </nav>
      </Panel>
    </div>
  );
}

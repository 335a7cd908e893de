import Link from "next/link";

export interface AuditFilterValues {
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** A plain GET form: the filters live in the URL, so a filtered view can be bookmarked and shared. */
export function AuditFilters({ values }: { values: AuditFilterValues }) {
  return (
    <form className="filter-bar" method="get" action="/admin/audit" data-testid="audit-filters" aria-label="Filter the audit log">
      <label className="field">
        <span>Actor contains</span>
        <input type="search" name="actor" defaultValue={values.actor} maxLength={200} data-testid="audit-filter-actor" />
      </label>
      <label className="field">
        <span>Action (exact, or a prefix like “auth”)</span>
        <input type="search" name="action" defaultValue={values.action} maxLength={100} data-testid="audit-filter-action" />
      </label>
      <label className="field">
        <span>From (UTC)</span>
        <input type="date" name="from" defaultValue={values.from} data-testid="audit-filter-from" />
      </label>
      <label className="field">
        <span>To (UTC)</span>
        <input type="date" name="to" defaultValue={values.to} data-testid="audit-filter-to" />
      </label>
      <div className="form-row filter-actions">
        <button type="submit" className="button button-primary" data-testid="audit-filter-submit">
          Filter
        </button>
        <Link href="/admin/audit" className="button">
          Clear
        </Link>
      </div>
    </form>
  );
}

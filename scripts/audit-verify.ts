/**
 * `npm run audit:verify`: walks the hash-chained audit log of DATABASE_URL (or the embedded PGlite database) and
 * names the first entry that was edited, removed or inserted out of band. Exit 0 when intact, 1 when broken, 2 when
 * the log cannot be read.
 * Embedded mode: stop `npm start` first; PGlite's files belong to one process at a time.
 */
import { createDatabase } from "@/lib/db/client";
import { verifyAuditChain } from "@/lib/db/audit";
import { loadConfigOrExit } from "@/lib/runtime/exit-on-config-error";

const config = loadConfigOrExit();
const database = await createDatabase(config);
try {
  const result = await verifyAuditChain(database.db);
  if (result.ok) {
    const legacy = result.legacy > 0 ? ` (${result.legacy} written before hash-chaining, not verifiable)` : "";
    process.stdout.write(`audit log OK: ${result.entries} entries${legacy}\n`);
  } else {
    process.stdout.write(`audit log BROKEN at entry ${result.brokenId}: ${result.reason}\n`);
    process.exitCode = 1;
  }
} catch (error) {
  // Not a verdict on the chain (no database, not migrated): a different exit code, so scripts can tell.
  const why = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
  process.stderr.write(`audit log could not be read: ${why}\n`);
  process.exitCode = 2;
} finally {
  await database.close();
}

/** `npm run db:migrate`: applies drizzle/ migrations to DATABASE_URL, or to the embedded PGlite database. */
import { createDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { loadConfigOrExit } from "@/lib/runtime/exit-on-config-error";

const config = loadConfigOrExit();
const database = await createDatabase(config);
await migrateDatabase(database);
await database.close();
process.stdout.write(`migrations applied (${database.driver}${config.DATABASE_URL ? "" : ` in ${config.DATA_DIR}`})\n`);

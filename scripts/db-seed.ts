/** `npm run db:seed`: the instruments and the demo account with its starting cash (safe to run again). */
import { createDatabase } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { DEFAULT_INSTRUMENTS } from "@/lib/domain/instrument";
import { ensureAccount, upsertInstruments } from "@/lib/engine/persistence/account-store";
import { loadConfigOrExit } from "@/lib/runtime/exit-on-config-error";

const config = loadConfigOrExit();
const database = await createDatabase(config);
await migrateDatabase(database);
await upsertInstruments(database.db, DEFAULT_INSTRUMENTS);
const account = await ensureAccount(database.db, { accountId: config.ACCOUNT_ID, currency: "USDT", initialCash: config.INITIAL_CASH });
await database.close();
process.stdout.write(`seeded ${DEFAULT_INSTRUMENTS.length} instruments and account ${account.id} (cash ${account.cash} ${account.currency})\n`);

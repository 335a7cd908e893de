import postgres from "postgres";
import { POSTGRES_ADMIN_URL } from "../../tests/services/support/infrastructure";

async function asAdmin<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(POSTGRES_ADMIN_URL, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 }).catch(() => undefined);
  }
}

/** An empty PostgreSQL database under a fixed name (whatever a killed run left there goes first); returns its URL. */
export async function recreateDatabase(name: string): Promise<string> {
  try {
    await asAdmin(async (admin) => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.unsafe(`create database ${name}`);
    });
  } catch (error) {
    throw new Error(`The nginx e2e suite needs PostgreSQL at ${POSTGRES_ADMIN_URL}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return POSTGRES_ADMIN_URL.replace(/\/test$/, `/${name}`);
}

export async function dropDatabase(name: string): Promise<void> {
  await asAdmin((admin) => admin.unsafe(`drop database if exists ${name} with (force)`));
}

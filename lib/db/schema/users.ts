import { boolean, index, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { ts } from "./columns";

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(),
  name: text("name"),
  role: text("role").notNull().default("viewer"),
  /** The trading account this user may see (and, as a trader, trade). */
  accountId: text("account_id").notNull().default("demo"),
  passwordHash: text("password_hash"),
  disabled: boolean("disabled").notNull().default(false),
  createdAt: ts("created_at").notNull().defaultNow(),
});

/** Keys for programs: only a hash is stored; the key itself is shown once, at creation. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    name: text("name").notNull(),
    /** The public part of the key, to recognise it in lists. */
    prefix: text("prefix").notNull().unique(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes").array().notNull(),
    createdAt: ts("created_at").notNull().defaultNow(),
    lastUsedAt: ts("last_used_at"),
    revokedAt: ts("revoked_at"),
  },
  (t) => [index("api_keys_user_idx").on(t.userId)],
);

/** Venue API credentials a user stored, encrypted with AES-256-GCM; never returned by the API. */
export const venueCredentials = pgTable(
  "venue_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id").notNull().references(() => users.id),
    venue: text("venue").notNull(),
    apiKeyEncrypted: text("api_key_encrypted").notNull(),
    apiSecretEncrypted: text("api_secret_encrypted").notNull(),
    /** Last four characters of the key, for the masked display. */
    apiKeyHint: text("api_key_hint").notNull(),
    updatedAt: ts("updated_at").notNull(),
  },
  (t) => [index("venue_credentials_user_venue_idx").on(t.userId, t.venue)],
);

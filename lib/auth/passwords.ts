import bcrypt from "bcryptjs";

// bcrypt with cost 12: slow on purpose (about a quarter of a second here), so a stolen hash resists guessing.
const COST = 12;

export const MIN_PASSWORD_LENGTH = 10;

let dummyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null): Promise<boolean> {
  // Without a hash, compare against a dummy one anyway, so timing does not reveal which accounts exist.
  dummyHash ??= bcrypt.hash("no account has this password", COST);
  const ok = await bcrypt.compare(password, hash ?? (await dummyHash));
  return ok && hash !== null;
}

import { requestIdentity } from "./support";

/** Stands in for `next/headers`: the "current request" is whoever the test says is asking. */
export async function headers(): Promise<Headers> {
  const { cookie, authorization } = requestIdentity();
  const result = new Headers();
  if (cookie) result.set("cookie", cookie);
  if (authorization) result.set("authorization", authorization);
  return result;
}

export async function cookies(): Promise<{ get: (name: string) => undefined }> {
  return { get: () => undefined };
}

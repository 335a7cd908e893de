/**
 * Our client order id travels in the MT trade's comment (at most 31 characters, no `;` or `'`), so the platform can
 * tell its trades from the trader's and find an order again after a restart. A UUID is packed into 22 base64url
 * characters ("tu" + 22); any other id of at most 29 characters goes as it is ("tr" + id).
 */
// Lower-case only: the packed form decodes to lower case, and the id must come back exactly as it was sent.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const RAW = /^[A-Za-z0-9_-]{1,29}$/;

export function commentForClientOrderId(clientOrderId: string): string | null {
  if (UUID.test(clientOrderId)) return `tu${Buffer.from(clientOrderId.replaceAll("-", ""), "hex").toString("base64url")}`;
  return RAW.test(clientOrderId) ? `tr${clientOrderId}` : null;
}

/** The client order id a comment carries, or null for a comment the platform did not write. */
export function clientOrderIdFromComment(comment: string): string | null {
  if (comment.startsWith("tu") && comment.length === 24) {
    const hex = Buffer.from(comment.slice(2), "base64url").toString("hex");
    if (hex.length !== 32) return null;
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  if (comment.startsWith("tr") && RAW.test(comment.slice(2))) return comment.slice(2);
  return null;
}

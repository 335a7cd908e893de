import { getServerContext } from "@/lib/server/context";
import { handler, json } from "@/lib/server/http";
import { getRiskView } from "@/lib/server/risk-service";

export const dynamic = "force-dynamic";

export const GET = handler(async () => json({ risk: await getRiskView(await getServerContext()) }));

import { redirect } from "next/navigation";
import { pageActor } from "@/lib/server/auth/page-actor";

export default async function AdminIndexPage() {
  await pageActor("admin", "/admin");
  redirect("/admin/users");
}

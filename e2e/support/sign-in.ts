import { expect, type Page } from "@playwright/test";
import { E2E_ADMIN } from "./credentials";

/** Signs in through the real form, as a person would. */
export async function signIn(page: Page, credentials: { email: string; password: string } = E2E_ADMIN): Promise<void> {
  await page.goto("/signin");
  await page.getByTestId("signin-email").fill(credentials.email);
  await page.getByTestId("signin-password").fill(credentials.password);
  await page.getByTestId("signin-submit").click();
  await expect(page).toHaveURL(/\/$/);
}

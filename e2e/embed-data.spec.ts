// The script tag configured by data-* attributes alone (e2e/pages/embed-data.html: left side,
// offsets, z-index, dark theme, French, display name and contact attributes), then the whole API.
import { expect, test } from '@playwright/test';
import { chatWindow, consoleErrors, contactInfo, driveApiAndEvents, launcher, loaderLauncher, startedContactId, waitForEvent } from './embed-support.js';

test('data-* attributes configure the launcher and the widget', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto('/embed-data.html');
  await waitForEvent(page, 'ready');
  const viewport = page.viewportSize()!;

  // The loader's launcher already follows the attributes: left, 32 px in, 24 px up, z-index 4321, dark.
  const placeholder = loaderLauncher(page);
  const box = (await placeholder.boundingBox())!;
  expect(Math.round(box.x)).toBe(32);
  expect(Math.round(viewport.height - box.y - box.height)).toBe(24);
  await expect(placeholder).toHaveCSS('z-index', '4321');
  await expect(placeholder).toHaveCSS('background-color', 'rgb(44, 100, 192)'); // the dark palette's primary

  await placeholder.click();
  await expect(chatWindow(page)).toBeVisible();
  // The widget's own launcher takes the same place; the window speaks French.
  await page.mouse.move(viewport.width / 2, 10); // off the launcher: hover scales it
  await expect.poll(async () => Math.round((await launcher(page).boundingBox())!.x)).toBe(32); // once the hover transition ends
  await expect(launcher(page)).toHaveCSS('z-index', '4321');
  await expect(launcher(page)).toHaveAttribute('aria-label', 'Fermer le chat');
  const winBox = (await chatWindow(page).boundingBox())!;
  expect(winBox.x).toBeLessThan(viewport.width / 2);

  const contactId = await startedContactId(page);
  const info = await contactInfo(contactId);
  expect(info.Attributes).toMatchObject({ source: 'data-attributes' });
  expect(info.Participants.find((p) => p.ParticipantRole === 'CUSTOMER')?.DisplayName).toBe('Dora Data');
  expect(errors).toEqual([]);
});

test('the whole API and every event, configured by data-* attributes', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto('/embed-data.html');
  await driveApiAndEvents(page, 'e2e-data', errors);
});

test('bad data-* attributes: one console error naming each, and the widget starts with defaults', async ({ page }) => {
  const errors = consoleErrors(page);
  await page.goto('/embed-data-bad.html');
  await expect.poll(() => errors.length).toBe(1);
  expect(errors[0]).toContain("invalid 'position'");
  expect(errors[0]).toContain("unknown option 'colour'");
  expect(errors[0]).toContain("invalid 'zIndex'");
  await loaderLauncher(page).click();
  await startedContactId(page);
  await page.mouse.move(10, 10);
  await expect.poll(async () => Math.round(page.viewportSize()!.width - (await launcher(page).boundingBox())!.x)).toBe(76); // right side, 20 px in
  await expect(launcher(page)).toHaveCSS('z-index', '10000');
  expect(errors).toHaveLength(1);
});

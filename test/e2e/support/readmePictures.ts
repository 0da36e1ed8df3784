import { join, resolve } from 'node:path';
import type { Workbench } from './workbench';

/** The clone's media/ folder: compiled, this file is out/test/e2e/support/readmePictures.js. */
const MEDIA = resolve(__dirname, '..', '..', '..', '..', 'media');

/**
 * The README's screenshots come from these tests, taken at the moment each shows: with
 * R2_E2E_UPDATE_MEDIA set (`npm run screenshots`), they are written into media/.
 */
export async function readmePicture(workbench: Workbench, name: string): Promise<void> {
  if (process.env.R2_E2E_UPDATE_MEDIA) {
    // Notifications left from earlier steps would only distract from what the picture shows.
    await workbench.page.screenshot({
      path: join(MEDIA, name),
      style: '.notifications-toasts { visibility: hidden; }',
    });
  }
}

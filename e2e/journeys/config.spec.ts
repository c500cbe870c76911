// Bad configuration on the site: an endpoint that is not a URL, or not http(s). Nothing is thrown
// into the page, the launcher is there, opening says what is wrong, and the visitor's token never
// goes anywhere but the configured service (no fallback to a real AWS region).
import { expect, journey, test } from './testing/journey';
import * as s from './testing/steps';
import { UI } from './testing/ui';

const cases = [{ endpoint: 'not a url' }, { endpoint: 'ftp://files.example.com/chat' }];

for (const embed of ['cdn', 'mount'] as const) {
  for (const c of cases) {
    test(`${embed}: endpoint '${c.endpoint}': no page error, a launcher, a clear error on open, nothing sent to AWS`, { tag: '@full' }, async ({ makeWorld }) => {
      const w = await makeWorld({ embed, config: { endpoint: c.endpoint } });
      const toAws: string[] = [];
      w.context.on('request', (r) => {
        if (new URL(r.url()).hostname.endsWith('amazonaws.com')) toAws.push(r.url());
      });
      await journey(w, [s.visit(), s.clickLauncher()]);
      const page = w.page();
      await expect(page.locator(`${UI.window} [role=alert]`).first()).toBeVisible({ timeout: 20_000 });
      expect(toAws).toEqual([]);
      expect(w.pageErrors).toEqual([]);
    });
  }
}

// Times the console's devices page against a running server (run.sh seeds one with 100,000 devices): each view is
// opened from its URL as an admin would (first page, a group subtree, a status, an OS sorted by last visible, a
// search, a tag), then the table is scrolled to its second page. The clock is the browser's own timing of each
// GET /api/v1/devices round trip (request sent to response end). The baseline, in the same browser and run, is
// GET /api/v1/health. Prints p50/p95 per view over the rounds after a warm-up round.
//
// GARRISON_URL=https://localhost:8443 GARRISON_ADMIN_PASSWORD=... node measure.mjs [rounds]
import { baseUrl, inBrowser, signIn } from '../../bundles/console/src/test/e2e/browser.mjs';

const rounds = Number(process.argv[2] ?? 10);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

await inBrowser('devices-at-scale', async (page) => {
  const seen = [];
  page.on('requestfinished', (finished) => {
    const url = new URL(finished.url());
    if (url.pathname === '/api/v1/devices' && finished.method() === 'GET') {
      const timing = finished.timing();
      seen.push({ search: url.search, ms: timing.responseEnd - timing.requestStart });
    }
  });
  await page.goto(`${baseUrl}/console/devices`);
  await signIn(page);
  await page.getByTestId('devices-count').filter({ hasText: /\d+ devices?/ }).waitFor();
  const groups = await page.evaluate(async () => (await (await fetch('/api/v1/groups?limit=1000')).json()));
  const site = (groups.items ?? groups).find((group) => group.name === 'Site 03');

  const views = {
    'all devices, by name': '',
    'group subtree (Managed devices)': '?group=00000000-0000-0000-0000-000000000001',
    'one site (a leaf group)': site ? `?group=${site.id}` : '?status=critical',
    'status critical': '?status=critical',
    'Linux, by last visible (newest first)': '?os=LINUX&sort=lastVisible&order=desc',
    "search 'ws-00012'": '?q=ws-00012',
    "tag 'vip', by IP": '?tag=vip&sort=ip',
  };
  const results = Object.fromEntries(Object.keys(views).map((name) => [name, []]));
  results['second page (scrolled)'] = [];
  const baseline = [];
  for (let round = 0; round <= rounds; round++) {
    for (const [name, search] of Object.entries(views)) {
      seen.length = 0;
      await page.goto(`${baseUrl}/console/devices${search}`);
      await page.getByTestId('devices-count').filter({ hasText: /\d+ devices?/ }).waitFor();
      await page.waitForTimeout(50);
      const first = seen.find((s) => !s.search.includes('cursor='));
      if (round > 0 && first) {
        results[name].push(first.ms);
      }
      if (name === 'all devices, by name') {
        seen.length = 0;
        await page.getByRole('grid', { name: 'Devices' }).evaluate((grid) => {
          const scroller = grid.closest('.garrison-devices-scroll') ?? grid.parentElement;
          scroller.scrollTop = scroller.scrollHeight;
        });
        await page.mouse.wheel(0, 100_000);
        const deadline = Date.now() + 10_000;
        while (!seen.some((s) => s.search.includes('cursor=')) && Date.now() < deadline) {
          await page.waitForTimeout(20);
        }
        const next = seen.find((s) => s.search.includes('cursor='));
        if (round > 0 && next) {
          results['second page (scrolled)'].push(next.ms);
        }
      }
    }
    const health = await page.evaluate(async () => {
      const start = performance.now();
      await (await fetch('/api/v1/health')).text();
      return performance.now() - start;
    });
    if (round > 0) {
      baseline.push(health);
    }
  }
  const base = percentile(baseline, 0.5);
  console.log(`${rounds} rounds after a warm-up; browser-measured round trips in ms`);
  console.log(`${'baseline: GET /api/v1/health'.padEnd(42)} p50 ${base.toFixed(1).padStart(7)}`);
  for (const [name, values] of Object.entries(results)) {
    if (values.length === 0) {
      console.log(`${name.padEnd(42)} not measured`);
      continue;
    }
    const p50 = percentile(values, 0.5);
    console.log(`${name.padEnd(42)} p50 ${p50.toFixed(1).padStart(7)}  p95 ${percentile(values, 0.95).toFixed(1).padStart(7)}`
      + `  ${(p50 / base).toFixed(1).padStart(6)} x baseline  ${values.length} runs`);
  }
});

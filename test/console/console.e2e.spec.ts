import axe from 'axe-core';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CONSOLE_CONTENT_SECURITY_POLICY } from '../../apps/api/src/console/serve-console';
import { hartYear, RESTATEMENT, type PlanStep } from '../../scripts/demo/hart-year';
import { buildConsole } from '../../scripts/build-console';
import { afterInstant, callerOf, perform, PlanApi } from '../e2e/plan-queries.support';
import { HART_PLAN, HART_QUARTERS } from '../fixtures/hart-2023-24';
import { mintTestToken } from '../support/tokens';

const PLAN = 'hart-console';
const PLACE = 'hart-console-place';
const PLACE_TITLE = 'Service Plan 2023/24: Place';
const QUARTER = '2023/24-Q2';

/** A second service's plan for the council report: its PL1 is green in Q1 and turns red in Q2, recorded with the restatement of CP7. */
const PLACE_DRAFTED: PlanStep[] = [
  { as: 'editor', method: 'POST', path: '/v1/plans', body: { planId: PLACE, title: PLACE_TITLE, service: 'Place', period: '2023/24' }, stage: 'Draft Place' },
  {
    as: 'editor',
    method: 'POST',
    path: `/v1/plans/${PLACE}/indicators`,
    body: {
      code: 'PL1',
      title: 'Major planning applications decided in time',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'period',
      frequency: 'quarterly',
      targets: [{ period: '2023/24', value: 90 }],
    },
    stage: 'Define PL1',
  },
  { as: 'officer', method: 'POST', path: `/v1/plans/${PLACE}/indicators/PL1/actuals`, body: { period: '2023/24-Q1', value: 93 }, stage: 'PL1 for Q1' },
];
/** The service's plan of the year after, with the same CP5, so that CP5's series runs over two years: green, then amber. */
const NEXT_YEAR = 'hart-console-2024-25';
const NEXT_YEAR_TITLE = 'Service Plan 2024/25: Corporate Services';
const NEXT_YEAR_DRAFTED: PlanStep[] = [
  {
    as: 'editor',
    method: 'POST',
    path: '/v1/plans',
    body: { planId: NEXT_YEAR, title: NEXT_YEAR_TITLE, service: HART_PLAN.service, period: '2024/25' },
    stage: 'Draft 2024/25',
  },
  {
    as: 'editor',
    method: 'POST',
    path: `/v1/plans/${NEXT_YEAR}/indicators`,
    body: {
      code: 'CP5',
      title: 'Percentage of telephone calls answered by the Contact Centre in 30 seconds.',
      unit: 'percent',
      polarity: 'higher-is-better',
      basis: 'period-end-snapshot',
      frequency: 'quarterly',
      targets: [{ period: '2024/25', value: 75, text: '75%' }],
    },
    stage: 'Define CP5 for 2024/25',
  },
  { as: 'officer', method: 'POST', path: `/v1/plans/${NEXT_YEAR}/indicators/CP5/actuals`, body: { period: '2024/25-Q1', value: 78 }, stage: 'CP5 for 2024/25 Q1' },
  { as: 'officer', method: 'POST', path: `/v1/plans/${NEXT_YEAR}/indicators/CP5/actuals`, body: { period: '2024/25-Q2', value: 72 }, stage: 'CP5 for 2024/25 Q2' },
];
const PLACE_TURNS_RED: PlanStep = {
  as: 'officer',
  method: 'POST',
  path: `/v1/plans/${PLACE}/indicators/PL1/actuals`,
  body: { period: QUARTER, value: 70 },
  stage: 'PL1 for Q2, red',
};
const SCREENSHOT = resolve(__dirname, '..', '..', 'docs', 'console-plan.png');
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe-core run in the page, at WCAG 2.2 AA: the rules each violated, with the elements that broke them. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axe.source);
  const violations = await page.evaluate(
    async (tags) => (await (globalThis as unknown as { axe: typeof axe }).axe.run({ runOnly: { type: 'tag', values: tags } })).violations,
    WCAG_22_AA,
  );
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * The console in Chromium against the API on the embedded stores, with Hart's year entered as the
 * demo enters it beside a small Place plan, and a pause before the restatement of CP7 (and Place's
 * red Q2 figure) so that an instant to the second falls between the figures first reported and the
 * later ones.
 */
describe('The read-only console, in a real browser', () => {
  let api: PlanApi;
  let base: string;
  let browser: Browser;
  let page: Page;
  let beforeRestatement: Date;
  let firstCp7Figure: number;
  const refusedByPolicy: string[] = [];

  beforeAll(async () => {
    await buildConsole();
    api = await PlanApi.start();
    base = await api.listen();
    for (const step of [...PLACE_DRAFTED, ...NEXT_YEAR_DRAFTED]) await perform(api, step);
    for (const step of hartYear(PLAN)) {
      if (step.path.endsWith(`/indicators/${RESTATEMENT.code}/actuals`) && step.body.reason === RESTATEMENT.reason) {
        const now = new Date();
        beforeRestatement = new Date(Math.ceil((now.getTime() + 1) / 1000) * 1000);
        await afterInstant(new Date(beforeRestatement.getTime() + 1000));
        await perform(api, PLACE_TURNS_RED);
      }
      await perform(api, step);
    }
    const earlier = await api.get(`/v1/plans/${PLAN}?asOf=${beforeRestatement.toISOString()}`);
    firstCp7Figure = earlier.body.indicators.find((indicator: { code: string }) => indicator.code === RESTATEMENT.code)
      .actuals.find((actual: { period: string }) => actual.period === RESTATEMENT.period).value;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage();
    page.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) refusedByPolicy.push(message.text());
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const indicatorRow = (code: string) => page.locator('tr', { has: page.locator('td a', { hasText: new RegExp(`^${code}$`) }) });
  const pickInstant = async (instant: Date, button: string) => {
    await page.getByLabel('Day').fill(String(instant.getUTCDate()));
    await page.getByLabel('Month').fill(String(instant.getUTCMonth() + 1));
    await page.getByLabel('Year', { exact: true }).fill(String(instant.getUTCFullYear()));
    await page.getByLabel('Time (hh:mm:ss)').fill(instant.toISOString().slice(11, 19));
    await page.getByRole('button', { name: button }).click();
  };
  const cp7Actuals = () => page.locator('tr', { has: page.locator('td', { hasText: /^CP7$/ }) }).first().locator('td').nth(3);
  const banner = () => page.locator('#shown');

  it('opens at /console as typed, sent on to /console/', async () => {
    const answer = await fetch(`${base}/console`, { redirect: 'manual' });
    expect(answer.status).toBe(301);
    expect(answer.headers.get('location')).toBe('/console/');
  });

  it('serves its files with a strict Content-Security-Policy and asks for a token, which it keeps out of the address', async () => {
    const answer = await page.goto(`${base}/console/`);
    expect(answer?.status()).toBe(200);
    expect(answer?.headers()['content-security-policy']).toBe(CONSOLE_CONTENT_SECURITY_POLICY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter your access token');
    expect(await accessibilityViolations(page)).toEqual([]);
    // GOV.UK Frontend's own JavaScript, bundled and started under the policy: the summary takes focus, and its link moves it to the field, leaving the address as it was.
    expect(await page.evaluate("document.body.classList.contains('govuk-frontend-supported')")).toBe(true);
    await page.waitForFunction("document.activeElement.classList.contains('govuk-error-summary')");
    const signInAddress = page.url();
    await page.getByRole('link', { name: 'Enter your access token' }).click();
    expect(await page.evaluate('document.activeElement.id')).toBe('token');
    expect(page.url()).toBe(signInAddress);

    const token = await mintTestToken(api.dataDir, { role: 'auditor', council: HART_PLAN.council });
    await page.getByLabel('Access token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Plans' }).waitFor();
    expect(page.url()).not.toContain(token);
    expect(await page.evaluate('Object.values(sessionStorage)')).toEqual([token]);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('opens the plan as it is now, with the corrected figure, and takes the screenshot the README shows', async () => {
    await page.getByRole('link', { name: HART_PLAN.title }).click();
    await page.getByRole('heading', { level: 1, name: HART_PLAN.title }).waitFor();
    await expect(banner().textContent()).resolves.toMatch(/as it is now/);
    await expect(cp7Actuals().textContent()).resolves.toContain(`${RESTATEMENT.period}: ${RESTATEMENT.value} (restated)`);
    expect(await accessibilityViolations(page)).toEqual([]);
    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.setViewportSize({ width: 1100, height: 1400 });
    await page.screenshot({ path: SCREENSHOT });

    const address = page.url();
    await page.getByRole('link', { name: 'Skip to main content' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main-content');
    expect(await page.evaluate("document.activeElement.classList.contains('govuk-skip-link-focused-element')")).toBe(true);
    expect(page.url()).toBe(address);
  });

  it('shows the plan as it stood at an earlier date and time, with the figure first reported', async () => {
    await page.getByLabel('Day').fill('31');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Year', { exact: true }).fill('2024');
    await page.getByRole('button', { name: 'Show the plan at this date' }).click();
    await expect(page.locator('.govuk-error-summary').textContent()).resolves.toContain('Enter a real date');
    await expect(banner().textContent()).resolves.toMatch(/as it is now/);
    expect(await accessibilityViolations(page)).toEqual([]);

    const at = beforeRestatement.toISOString();
    await pickInstant(beforeRestatement, 'Show the plan at this date');
    await page.locator('#shown', { hasText: at }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/plans/${PLAN}?asOf=${encodeURIComponent(at)}`);
    const shown = await cp7Actuals().textContent();
    expect(shown).toContain(`${RESTATEMENT.period}: ${firstCp7Figure}`);
    expect(shown).not.toContain('restated');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('shows a published version as the API answers it: version 1 with the target the committee later raised', async () => {
    await page.getByLabel('Show a published version').selectOption('1');
    await page.getByRole('button', { name: 'Show this version' }).click();
    await page.locator('#shown', { hasText: 'as published at version 1' }).waitFor();
    const cp5 = page.locator('tr', { has: page.locator('td', { hasText: /^CP5$/ }) }).first();
    await expect(cp5.locator('td').nth(2).textContent()).resolves.toBe('2023/24: 70%');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lists the versions with the approval and chain head, and opens the diff of version 2 with version 1 side by side', async () => {
    await page.getByRole('link', { name: 'Versions' }).click();
    const row2 = page.locator('tr', { has: page.locator('td', { hasText: /^2$/ }) });
    await row2.waitFor();
    await expect(row2.textContent()).resolves.toContain('Cabinet');
    await expect(row2.locator('code').textContent()).resolves.toMatch(/^[0-9a-f]{64}$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: /compare with version 1/ }).click();
    const change = page.getByRole('region', { name: 'target CP5 2023/24' });
    await change.waitFor();
    await expect(change.locator('.console-diff > div').nth(0).textContent()).resolves.toContain('70%');
    await expect(change.locator('.console-diff > div').nth(1).textContent()).resolves.toContain('75%');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("opens the Q2 report with RAG in words and each indicator's chart over its service's two years, with its figures and ratings as a table", async () => {
    await page.getByRole('link', { name: 'Back to the versions' }).click();
    await page.getByRole('link', { name: 'Quarterly report' }).click();
    await page.getByRole('link', { name: '2023/24 Q2' }).click();
    await page.getByRole('heading', { name: /^CP5:/ }).waitFor();
    await expect(indicatorRow('CP5').textContent()).resolves.toContain('RED');
    const chart = page.locator('figure', { has: page.getByRole('heading', { name: /^CP5:/ }) });
    const canvas = chart.locator('canvas');
    await canvas.waitFor();
    expect((await canvas.boundingBox())?.width).toBeGreaterThan(100);
    await expect(canvas.getAttribute('aria-label')).resolves.toMatch(/2023\/24-Q1 to 2024\/25-Q2/);
    const rows = chart.locator('tbody tr');
    await expect(rows.locator('td:first-child').allTextContents()).resolves.toEqual([...HART_QUARTERS, '2024/25-Q1', '2024/25-Q2']);
    const row = (period: string) => chart.locator('tr', { has: page.locator('td', { hasText: period }) });
    await expect(row('2023/24-Q2').textContent()).resolves.toBe(`2023/24-Q2${HART_PLAN.title}7175%RED`);
    await expect(row('2024/25-Q1').textContent()).resolves.toBe(`2024/25-Q1${NEXT_YEAR_TITLE}7875%GREEN`);
    await expect(row('2024/25-Q2').textContent()).resolves.toBe(`2024/25-Q2${NEXT_YEAR_TITLE}7275%AMBER`);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('keeps what is typed into the timeline filter while the timeline is still loading', async () => {
    let answerHistory!: () => void;
    const historyHeld = new Promise<void>((resolve) => (answerHistory = resolve));
    await page.route('**/v1/plans/*/history*', async (route) => {
      await historyHeld;
      await route.continue();
    });
    try {
      await page.getByRole('link', { name: 'Timeline' }).click();
      await page.getByLabel(/Event type/).fill('ActualRestated');
      answerHistory();
      await page.locator('caption', { hasText: 'entries' }).waitFor();
      await expect(page.getByLabel(/Event type/).inputValue()).resolves.toBe('ActualRestated');
    } finally {
      await page.unroute('**/v1/plans/*/history*');
    }
  });

  it('filters the timeline to the restatement and follows it to the plan just after', async () => {
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.getByLabel(/Event type/).fill('ActualRestated');
    await page.getByRole('button', { name: 'Filter the timeline' }).click();
    const entry = page.locator('tbody tr', { hasText: RESTATEMENT.reason });
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toContain(callerOf('officer').name);
    expect(await page.locator('tbody tr').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await entry.getByRole('link', { name: /The plan just after event/ }).click();
    await page.locator('#shown', { hasText: 'as the system held it at' }).waitFor();
    await expect(cp7Actuals().textContent()).resolves.toContain(`${RESTATEMENT.value} (restated)`);
  });

  it('shows the integrity check passed and prepares the evidence file', async () => {
    await page.getByRole('link', { name: 'Integrity' }).click();
    await page.getByText('Passed').waitFor();
    await page.getByRole('button', { name: 'Prepare the evidence file' }).click();
    await page.getByRole('link', { name: /^Save / }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(refusedByPolicy).toEqual([]);
  });

  it('opens the council report for a quarter from the plans list, with every plan, and filters it by theme and by service', async () => {
    await page.getByRole('link', { name: 'All plans' }).click();
    await page.getByRole('link', { name: 'Council report for 2023/24 Q2' }).click();
    await page.getByRole('heading', { level: 1, name: `Council report for ${QUARTER}` }).waitFor();
    await page.getByRole('heading', { level: 2, name: HART_PLAN.title }).waitFor();
    await expect(banner().textContent()).resolves.toBe(`The report for ${QUARTER} as it is now.`);
    await expect(indicatorRow('PL1').textContent()).resolves.toContain('RED');
    expect(await accessibilityViolations(page)).toEqual([]);

    const theme = 'Resilient and financially sound council';
    await page.getByLabel(/^Theme of priorities/).fill(theme);
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.locator('#shown', { hasText: `priorities under the theme '${theme}'` }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/reports/2023-24-Q2?theme=${encodeURIComponent(theme).replace(/%20/g, '+')}`);
    await page.getByRole('table', { name: 'By theme' }).locator('tbody tr', { hasText: theme }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: PLACE_TITLE }).count()).toBe(0);

    await page.getByLabel(/^Theme of priorities/).fill('');
    await page.getByLabel('Service', { exact: true }).fill('Place');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.locator('#shown', { hasText: 'of the service Place' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/reports/2023-24-Q2?service=Place');
    await page.getByRole('heading', { level: 2, name: PLACE_TITLE }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: HART_PLAN.title }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("opens the service's exceptions, and as they stood before Place's Q2 figure sees none", async () => {
    await page.getByRole('link', { name: 'Exceptions', exact: true }).click();
    const red = page.getByRole('table', { name: '1 exception' }).locator('tbody tr');
    await red.waitFor();
    await expect(red.textContent()).resolves.toContain(`PL1Major planning applications decided in timeRed: 70% for ${QUARTER}`);
    expect(new URL(page.url()).hash).toBe('#/reports/2023-24-Q2/exceptions?service=Place');
    expect(await accessibilityViolations(page)).toEqual([]);

    const at = beforeRestatement.toISOString();
    await pickInstant(beforeRestatement, 'Show the report at this date');
    await page.locator('#shown', { hasText: at }).waitFor();
    await expect(banner().textContent()).resolves.toBe(`The exceptions for ${QUARTER} of the service Place as the system held it at ${at}.`);
    expect(new URL(page.url()).hash).toBe(`#/reports/2023-24-Q2/exceptions?service=Place&asOf=${encodeURIComponent(at)}`);
    await page.getByText('No exception in the 1 plans looked at.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("follows a row of the council report to its plan's report, at the period and instant the council report showed", async () => {
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: PLACE_TITLE }).waitFor();
    await expect(indicatorRow('PL1').textContent()).resolves.toContain('None recorded');
    await indicatorRow('PL1').getByRole('link', { name: 'PL1' }).click();
    const at = beforeRestatement.toISOString();
    await page.locator('#shown', { hasText: `The report for ${QUARTER} as the system held it at ${at}.` }).waitFor();
    expect(new URL(page.url()).hash).toBe(`#/plans/${PLACE}/report/2023-24-Q2?asOf=${encodeURIComponent(at)}`);
    await expect(indicatorRow('PL1').textContent()).resolves.toContain('None recorded');
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('says so when no plan covers the period asked for, naming the periods the plans cover', async () => {
    await page.goto(`${base}/console/#/reports/2030-31-Q1`);
    await page.getByText('No plan of hart covers 2030/31-Q1: they cover 2023/24 and 2024/25.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it("folds the navigation behind GOV.UK Frontend's menu button on a narrow screen, and nothing was refused by the policy", async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    await expect(page.getByRole('link', { name: 'All plans' }).isVisible()).resolves.toBe(false);
    await menu.click();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.getByRole('link', { name: 'All plans' }).click();
    await page.getByRole('heading', { name: 'Plans' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(refusedByPolicy).toEqual([]);
  });
});

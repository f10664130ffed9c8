// Layout and accessibility of the console's main pages at the two screen sizes the console is made for (1280×800 and
// 1920×1080): no horizontal page overflow and no control out of sight sideways, every control named or labelled
// (axe-core's rules about names and labels), and, on a few pages, a keyboard walk where each focused control is in
// view, named and visibly focused. Environment: see console.e2e.test.mjs. What the pages show (a group with a device,
// events, a task, an enrollment token, a deleted group) is created through the API and removed after.
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { managedDevicesGroupId, withAdminApi } from './adminApi.mjs';
import { adminPassword, baseUrl, inBrowser, resetConsoleSettings, screenshotDir, signIn } from './browser.mjs';

// axe-core is a dev dependency of the web package, not of this folder. It is evaluated in the page rather than added
// as a script tag, which the console's Content-Security-Policy refuses.
const axeSource = await readFile(createRequire(new URL('../../main/web/package.json', import.meta.url)).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's rules about names and labels: every control, image and landmark-like widget says what it is, and no two
 * landmarks share role and name (the sidebar's groups against a page's own regions).
 */
const namingRules = [
  'label',
  'button-name',
  'link-name',
  'select-name',
  'input-button-name',
  'input-image-alt',
  'aria-input-field-name',
  'aria-toggle-field-name',
  'aria-command-name',
  'aria-dialog-name',
  'aria-meter-name',
  'aria-progressbar-name',
  'aria-tooltip-name',
  'aria-treeitem-name',
  'image-alt',
  'role-img-alt',
  'svg-img-alt',
  'frame-title',
  'form-field-multiple-labels',
  'label-content-name-mismatch',
  'duplicate-id-aria',
  'nested-interactive',
  'landmark-unique',
];

const sizes = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

/** Tab presses of the keyboard walk through a page's own controls (it starts after "Skip to content"). */
const keyboardSteps = 25;

const stamp = `e2e-layout-${Date.now().toString(36)}`;
const fixture = { group: undefined, device: undefined, task: undefined, token: undefined, deletedGroup: undefined };

/**
 * The pages: where each is, its heading, what shows that its data is there, and whether the keyboard walk runs on it.
 * `ready` gets the page and answers a locator to wait for.
 */
const pages = [
  {
    name: 'dashboard',
    path: () => '/overview',
    heading: 'Overview',
    ready: (page) => page.getByTestId('dashboard-widget-device-status'),
    keyboard: true,
  },
  {
    name: 'devices',
    path: () => '/devices',
    heading: 'Devices',
    ready: (page) => page.getByRole('grid', { name: 'Devices' }).getByRole('link', { name: fixture.device.displayName }),
    keyboard: true,
  },
  { name: 'device-detail', path: () => `/devices/${fixture.device.id}`, heading: () => fixture.device.displayName },
  { name: 'groups', path: () => '/groups', heading: 'Groups', ready: (page) => page.getByTestId(`group-row-${fixture.group.name}`), keyboard: true },
  { name: 'group-detail', path: () => `/groups/${fixture.group.id}`, heading: () => fixture.group.name, ready: (page) => page.getByTestId('settings-in-force') },
  { name: 'device-moving-rules', path: () => '/device-moving-rules', heading: 'Device moving rules' },
  {
    name: 'events',
    path: () => '/events',
    heading: 'Events',
    ready: (page) => page.getByTestId('events-table').getByText(`${stamp} critical`),
    keyboard: true,
  },
  { name: 'policies', path: () => '/policies', heading: 'Policies', keyboard: true },
  { name: 'tasks', path: () => '/tasks', heading: 'Tasks', ready: (page) => page.getByTestId(`task-${fixture.task.name}`) },
  { name: 'task-detail', path: () => `/tasks/${fixture.task.id}`, heading: () => fixture.task.name },
  { name: 'accounts', path: () => '/accounts', heading: 'Accounts' },
  { name: 'roles', path: () => '/roles', heading: 'Roles' },
  { name: 'legal-terms', path: () => '/legal-terms', heading: 'Legal terms' },
  { name: 'plugins', path: () => '/installed-plugins', heading: 'Plugins' },
  { name: 'revision-history', path: () => '/history', heading: 'Revision history' },
  {
    name: 'deleted-objects',
    path: () => '/deleted-objects',
    heading: 'Deleted objects',
    ready: (page) => page.getByTestId(`deleted-${fixture.deletedGroup.name}`),
  },
  { name: 'audit-log', path: () => '/audit-log', heading: 'Audit log', ready: (page) => page.getByTestId('audit-table') },
  { name: 'data-inventory', path: () => '/data-inventory', heading: 'Data inventory' },
  { name: 'enrollment-add', path: () => '/enrollment', heading: 'Agents and enrollment', ready: (page) => page.getByTestId('gateway-ca-pin') },
  {
    name: 'enrollment-tokens',
    path: () => '/enrollment?tab=tokens',
    heading: 'Agents and enrollment',
    ready: (page) => page.getByRole('row').filter({ hasText: fixture.token.name }),
  },
  {
    name: 'enrollment-agents',
    path: () => '/enrollment?tab=agents',
    heading: 'Agents and enrollment',
    ready: (page) => page.getByRole('textbox', { name: 'Host name or hardware id' }),
  },
  { name: 'my-account', path: () => '/my-account', heading: 'My account' },
];

/** Opens a page and waits until it shows its data: its heading, its ready mark, no spinner, no request under way. */
async function open(page, target) {
  await page.goto(`${baseUrl}/console${target.path()}`);
  const heading = typeof target.heading === 'function' ? target.heading() : target.heading;
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
  if (target.ready) {
    await target.ready(page).first().waitFor();
  }
  await page.waitForLoadState('networkidle');
  await page.locator('.pf-v6-c-spinner').first().waitFor({ state: 'hidden' });
  // Away from the page's controls (on the masthead's edge), so that no hover style is taken for a focus indicator.
  await page.mouse.move(0, 0);
}

/**
 * What breaks the layout sideways: the page wider than the window, and visible controls that lie outside the window
 * or outside the visible part of a container that scrolls sideways (a table wider than its place).
 */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const width = window.innerWidth;
    const scrollWidth = document.scrollingElement.scrollWidth;
    if (scrollWidth > width) {
      problems.push(`the page is ${scrollWidth}px wide in a ${width}px window`);
    }
    const describeElement = (element) => {
      const name = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList].slice(0, 2).map((value) => `.${value}`).join('');
      return `<${element.localName}${id}${classes}> "${name}"`;
    };
    const controls = document.querySelectorAll('button, a[href], input:not([type="hidden"]), select, textarea, [role="button"], [role="link"]');
    for (const control of controls) {
      // "Skip to content" waits outside the window until it is focused (the keyboard walk sees it in view then).
      if (control.closest('.pf-v6-c-skip-to-content')) {
        continue;
      }
      const box = control.getBoundingClientRect();
      // Screen-reader-only controls are 1px or clipped away. Transparent ones count: the input of a switch lies
      // transparent over what draws it.
      if (box.width <= 1 || box.height <= 1 || !control.checkVisibility({ visibilityProperty: true })) {
        continue;
      }
      if (box.left < -1 || box.right > width + 1) {
        problems.push(`${describeElement(control)} lies outside the window sideways (${Math.round(box.left)}..${Math.round(box.right)} of ${width}px)`);
        continue;
      }
      for (let container = control.parentElement; container; container = container.parentElement) {
        const overflow = getComputedStyle(container).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && container.scrollWidth > container.clientWidth + 1) {
          const outer = container.getBoundingClientRect();
          const left = outer.left + container.clientLeft;
          const right = left + container.clientWidth;
          if (box.left < left - 1 || box.right > right + 1) {
            problems.push(`${describeElement(control)} is outside the visible part of ${describeElement(container).split(' ')[0]}, which scrolls sideways (${container.scrollWidth}px in ${container.clientWidth}px)`);
            break;
          }
        }
      }
    }
    return problems;
  });
}

/** A long list cut short for the failure message: one broken table column repeats its problem in every row. */
function firstFew(list, count = 6) {
  return list.length > count ? [...list.slice(0, count), `… and ${list.length - count} more`] : list;
}

/** axe-core's naming and labelling violations on the page, one entry per rule: how many elements, the first few. */
async function namingViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) {
    await page.evaluate(axeSource);
  }
  const violations = await page.evaluate(
    async (rules) => (await window.axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] })).violations,
    namingRules,
  );
  // Per rule: how many elements, and the first few with their markup (a table repeats one mistake per row).
  return violations.map((violation) => {
    const examples = violation.nodes.slice(0, 3).map((node) => `${node.target.join(' ')}: ${node.html.slice(0, 160)}`);
    return `${violation.id} (${violation.help}), ${violation.nodes.length} elements, e.g.\n    ${examples.join('\n    ')}`;
  });
}

/**
 * The focus styles compared between a control unfocused and focused: its own (unless it is transparent, like the
 * input of a switch or checkbox drawn by its siblings), its siblings' and its closest ancestors'.
 */
function focusStylesInPage() {
  const stylesOf = (node) =>
    [null, '::before', '::after'].map((pseudo) => {
      const style = getComputedStyle(node, pseudo);
      return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.outlineOffset, style.boxShadow, style.borderColor, style.borderWidth].join(' ');
    });
  window.garrisonFocusStyles = (element) => {
    const styles = getComputedStyle(element).opacity === '0' ? [] : stylesOf(element);
    for (const sibling of element.parentElement?.children ?? []) {
      if (sibling !== element) {
        styles.push(...stylesOf(sibling));
      }
    }
    for (let node = element.parentElement, level = 0; node && level < 3; node = node.parentElement, level++) {
      styles.push(...stylesOf(node));
    }
    return styles.join('|');
  };
  // With nothing focused: what every control looks like at rest.
  document.activeElement?.blur();
  window.garrisonUnfocused = new WeakMap();
  for (const control of document.querySelectorAll('a[href], button, input, select, textarea, [tabindex]')) {
    window.garrisonUnfocused.set(control, window.garrisonFocusStyles(control));
  }
}

/** The focused control as the keyboard walk checks it: where it is, and whether it looks focused. */
function focusedControlInPage() {
  const element = document.activeElement;
  if (!element || element === document.body) {
    return undefined;
  }
  const box = element.getBoundingClientRect();
  const before = window.garrisonUnfocused.get(element);
  return {
    html: element.outerHTML.slice(0, 160),
    dateOrTime: element.matches('input[type="date"], input[type="time"], input[type="datetime-local"], input[type="month"], input[type="week"]'),
    // Not opacity: the inputs of switches and checkboxes are transparent over what draws them.
    visible: box.width > 0 && box.height > 0 && element.checkVisibility({ visibilityProperty: true }),
    inWindow: box.left >= -1 && box.top >= -1 && box.right <= window.innerWidth + 1 && box.bottom <= window.innerHeight + 1,
    indicator: before === undefined ? undefined : before !== window.garrisonFocusStyles(element),
  };
}

/**
 * Walks the page with the keyboard: the first Tab reaches "Skip to content", Enter moves on to the page, then every
 * control reached with Tab must be visible, inside the window, named (Chromium's accessible name, through the
 * DevTools protocol) and drawn differently from its unfocused state.
 */
async function keyboardProblems(page, context) {
  const cdp = await context.newCDPSession(page);
  const problems = [];
  let compared = 0;
  const accessibleName = async () => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
    return nodes.find((node) => !node.ignored)?.name?.value?.trim() ?? '';
  };
  try {
    await page.evaluate(focusStylesInPage);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(focusedControlInPage);
    if (skip?.visible && skip.inWindow && (await accessibleName()) === 'Skip to content') {
      await page.keyboard.press('Enter');
    } else {
      problems.push(`the first Tab does not show "Skip to content" (${skip?.html ?? 'nothing focused'})`);
    }
    let previous;
    for (let step = 1; step <= keyboardSteps; step++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(focusedControlInPage);
      if (!focused) {
        // Past the last control: the next Tab starts again at the top of the page.
        previous = undefined;
        continue;
      }
      const at = `Tab ${step} (${focused.html})`;
      if (!focused.visible) {
        problems.push(`${at}: the focused control is not visible`);
      } else if (!focused.inWindow) {
        problems.push(`${at}: the focused control is outside the window`);
      }
      if (!(await accessibleName())) {
        problems.push(`${at}: the focused control has no accessible name`);
      }
      // Tab walks through the parts of a date or time input (day, month, year, the calendar button) while the input
      // stays the focused element; Chromium draws the later parts' focus inside the input, out of reach of styles.
      const withinDateOrTime = focused.dateOrTime && previous === focused.html;
      if (focused.indicator === false && !withinDateOrTime) {
        problems.push(`${at}: focused looks the same as unfocused (no outline, shadow or border change)`);
      } else if (focused.indicator === true) {
        compared++;
      }
      previous = focused.html;
    }
  } finally {
    await cdp.detach();
  }
  // Controls drawn only after the walk began (a tooltip, a menu) cannot be compared; most must be.
  assert.ok(compared >= keyboardSteps / 2, `only ${compared} of ${keyboardSteps} focused controls could be compared with their unfocused state`);
  return problems;
}

describe('layout and accessibility of the main pages', { concurrency: false }, () => {
  before(async () => {
    assert.ok(adminPassword, 'set GARRISON_ADMIN_PASSWORD to the password of the admin account');
    await mkdir(screenshotDir, { recursive: true });
    await resetConsoleSettings();
    await withAdminApi(async (api) => {
      const group = await api.post('/groups', { parentId: managedDevicesGroupId, name: `${stamp} group` });
      assert.equal(group.status, 201, JSON.stringify(group.body));
      fixture.group = group.body;
      const device = await api.post('/devices', { name: `${stamp}-pc`, groupId: fixture.group.id });
      assert.equal(device.status, 201, JSON.stringify(device.body));
      fixture.device = device.body;
      const now = Date.now();
      const events = await api.post('/events', [
        { occurredAt: new Date(now - 60_000).toISOString(), source: 'core', type: stamp, severity: 'critical', description: `${stamp} critical` },
        { occurredAt: new Date(now - 120_000).toISOString(), source: 'core', type: stamp, severity: 'info', description: `${stamp} info` },
      ]);
      assert.equal(events.status, 200, JSON.stringify(events.body));
      const task = await api.post('/tasks', {
        name: `${stamp} maintenance`,
        application: 'server',
        type: 'database-maintenance',
        parameters: {},
        schedule: { kind: 'MANUAL' },
        enabled: true,
      });
      assert.equal(task.status, 201, JSON.stringify(task.body));
      fixture.task = task.body;
      const token = await api.post('/enrollment-tokens', { name: `${stamp} token`, groupId: fixture.group.id, maxUses: 5 });
      assert.equal(token.status, 201, JSON.stringify(token.body));
      fixture.token = token.body;
      const deleted = await api.post('/groups', { parentId: managedDevicesGroupId, name: `${stamp} deleted` });
      assert.equal(deleted.status, 201, JSON.stringify(deleted.body));
      assert.equal((await api.delete(`/groups/${deleted.body.id}`)).status, 204);
      fixture.deletedGroup = deleted.body;
    });
  });

  after(async () => {
    await withAdminApi(async (api) => {
      if (fixture.token) {
        await api.delete(`/enrollment-tokens/${fixture.token.id}`);
      }
      if (fixture.task) {
        await api.delete(`/tasks/${fixture.task.id}`);
      }
      if (fixture.device) {
        // Out of the group, then (from "Unassigned devices") deleted.
        await api.delete(`/devices/${fixture.device.id}`);
        await api.delete(`/devices/${fixture.device.id}`);
      }
      if (fixture.group) {
        await api.delete(`/groups/${fixture.group.id}?mode=empty-only`);
      }
    });
  });

  for (const { width, height } of sizes) {
    test(`the main pages at ${width}×${height}: no sideways overflow, named controls, usable by keyboard`, async (t) => {
      await inBrowser(`layout-${width}x${height}`, async (page, context) => {
        await page.setViewportSize({ width, height });
        await page.goto(`${baseUrl}/console/overview`);
        await signIn(page);
        for (const target of pages) {
          await t.test(target.name, async () => {
            await open(page, target);
            await page.screenshot({ path: join(screenshotDir, `layout-${target.name}-${width}x${height}.png`) });
            const problems = [
              ...firstFew(await layoutProblems(page)).map((problem) => `layout: ${problem}`),
              ...(await namingViolations(page)).map((violation) => `axe-core: ${violation}`),
              ...(target.keyboard ? await keyboardProblems(page, context) : []).map((problem) => `keyboard: ${problem}`),
            ];
            assert.equal(problems.length, 0, `${target.name} at ${width}×${height}:\n${problems.join('\n')}`);
          });
        }
      });
    });
  }
});
